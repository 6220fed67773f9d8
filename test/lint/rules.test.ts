/** Each rule's documented good and bad examples (docs/lint.md shows the same ones) run here. */
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { createPeople, lintMarkdown, lintProse, RULES } from '../../src/lint/index.js';

const people = createPeople(['kim', 'lee', 'sam', 'priya', 'jordan', 'dana'], true);
const documented = Object.values(RULES).filter((rule) => rule.bad.length > 0);

function rulesIn(text: string): string[] {
  return [...new Set(lintProse(text, { people }).map((f) => f.ruleId))];
}

describe.each(documented)('$id', (rule) => {
  it.each(rule.bad)('flags %j', (text) => {
    expect(rulesIn(text)).toContain(rule.id);
  });
  it.each(rule.good)('leaves %j alone', (text) => {
    expect(rulesIn(text)).toEqual([]);
  });
});

describe('context, not keywords', () => {
  it.each([
    ['The probe failed to connect to the database.', []],
    ['The scheduler killed the pod after it exceeded its memory limit.', []],
    ['The Kubernetes operator reconciles the desired state every 30 seconds.', []],
    ['A manual approval step gates production deploys.', []],
    ['Kim declared the incident at 10:05.', []],
    ['Kim coordinated the failover to the secondary region.', []],
    ['The runbook section "Avoid careless restarts" was out of date.', []],
    ['The flag `--ignore-errors` was set.', []],
    ["The banner said 'do not be careless' in red.", []],
    ['The alert was ignored for two hours.', ['blame/counterfactual']],
    ['The mobile developers hard-coded the old endpoint, so the app broke when we moved it.', ['blame/person-as-cause']],
    ['Lee joined the call and the team failed over.', []],
    ['Lee restarted the broker and the errors stopped.', []],
    ['The outage is on the platform team.', ['blame/person-as-cause']],
    ['The runbook was not followed.', ['blame/counterfactual']],
    ['The unknown key was ignored by the parser.', []],
    ['The alert was ignored because it was routed to an archived channel.', []],
    ["Kim's change was careless.", ['blame/judgement']],
    ['We took down the old cluster as planned.', []],
    ['Lee merged an unreviewed migration minutes before leaving for the weekend.', ['blame/person-as-cause']],
    ['No one took the trouble to read the alert text.', ['blame/counterfactual']],
    ['It was Jordan who disabled the rate limiter.', ['blame/person-as-cause']],
    ['I should have double-checked the config.', ['blame/counterfactual']],
    ["The vendor's support staff failed to respond within the SLA.", ['blame/counterfactual']],
    ["Thanks to Priya's quick fix, checkout was down for an hour.", ['blame/person-as-cause']],
  ])('%s', (text, expected) => {
    expect(rulesIn(text)).toEqual(expected);
  });
});

describe('diagnostics as the CLI prints them', () => {
  it.each([
    [
      'Kim took down the payment API.\n',
      '1:1-1:14 warning `Kim took down`: a person or team as the agent of a failure; naming a person as the cause stops the review at "who" instead of "what allowed it" blame/person-as-cause',
    ],
    [
      '# Summary\n\nThe change was *careless*.\n',
      '3:17-3:25 warning `careless`: judgemental words about people or their work; judgemental words make people defend themselves instead of explaining what they saw blame/judgement',
    ],
    [
      '- Remind staff to follow the process.\n',
      '1:3-1:9 warning `Remind`: action items that ask people to try harder; asking people to be more careful changes nothing the next person will meet blame/vague-action',
    ],
  ])('%j', (markdown, line) => {
    const diagnostics = lintMarkdown('a.md', markdown, { people: ['kim'] });
    expect(diagnostics.map(formatLine)).toEqual([line]);
    expect(diagnostics[0]!.suggestions).toHaveLength(1);
  });
});

describe('constructions of the lint7 round and their blameless twins', () => {
  it.each([
    ['Kim killed the stuck consumers at 09:10 and latency dropped back to baseline.', []],
    ['Lee purged the stale entries; search quality recovered within minutes.', []],
    ['Lee dropped the orders table and checkout never recovered.', ['blame/person-as-cause']],
    ['Harbor, the nightly export agent, failed to upload the report.', []],
    ['Sam, the release owner, deleted the index.', ['blame/person-as-cause']],
    ["Lazy Larry's Tacos, a partner restaurant, saw the most cancelled orders.", []],
    ["Careless Kim's change broke it.", ['blame/judgement', 'blame/person-as-cause']],
    ['If the disk alert had fired, the team would have had a day to add capacity.', []],
    ['Priya should have had a backup.', ['blame/counterfactual']],
    ['Huge thanks to Dana, who stayed on the call all night and kept support informed.', []],
    ['The checkout outage is caused by Mr. Jordan, who changed the key.', ['blame/person-as-cause']],
    ['Dr. Osei restored the service.', []],
    ['Why didn’t Sam page the database team when the replica fell behind?', ['blame/counterfactual']],
    ["Why didn't the disk alert fire?", []],
    ["Why didn't the on-call get paged?", []],
    ['Honestly this one is on Jordan, he pushed the flag at midnight.', ['blame/person-as-cause']],
    ["That one's on Kim to follow up.", []],
    ["It was Lee's script that did it.", ['blame/person-as-cause']],
    ["In the end it was Lee's script that did it: the backlog cleared.", []],
  ])('%s', (text, expected) => {
    expect(rulesIn(text).sort()).toEqual([...expected].sort());
  });
});

describe('person-as-cause and counterfactual: noun phrases around the person (holdout-12 round)', () => {
  it.each([
    ['the role after a passive "by" may carry modifiers', 'The pricing table was corrupted by the weekend-shift billing analyst.', 'blame/person-as-cause'],
    ['"overwritten" is damage in the passive', 'The shared calendar was overwritten by Kim during the import.', 'blame/person-as-cause'],
    ['a determiner after a cause label', 'Root cause: the release manager.', 'blame/person-as-cause'],
    ['a person glossed in brackets after a cause label', 'Cause: Lee (manual firewall edit)', 'blame/person-as-cause'],
    ['an unlisted trade before the cleft "who" with harm', 'It was the night-shift bakers who switched off the oven alarm.', 'blame/person-as-cause'],
    ["the person's unnamed act as the cause", 'Checkout is slow because of what Sam did to the cache rules.', 'blame/person-as-cause'],
    ['self-blame with a named act', "That one's on me: I deleted the wrong bucket.", 'blame/person-as-cause'],
    [
      'an adverb before the participle of an inverted "had"',
      'Had the approver actually opened the ticket, the refund would not have gone out.',
      'blame/counterfactual',
    ],
    ['a place phrase after the person in "if only"', 'If only someone in the warehouse had checked the labels.', 'blame/counterfactual'],
    [
      'a closing that leaves the reader to blame the person named',
      'Only Lee had the deploy key that weekend; make of that what you will.',
      'blame/person-as-cause',
    ],
    ['a minimised change in scare quotes after "thanks to"', "Thanks to Sam's 'tiny cleanup' the invoices went out twice.", 'blame/person-as-cause'],
    ['a learner\'s "coming from" a person', 'The issue is coming from Priya, she changed the queue size.', 'blame/person-as-cause'],
    ['"the actions of" a member of a team', 'The data loss stemmed from the actions of one member of the Ops rota.', 'blame/person-as-cause'],
    ['"the one who made" a thing fail', 'Kim is the one who made the importer crash.', 'blame/person-as-cause'],
    ['an incident noun "is on" a person', 'This whole fiasco is on the release manager.', 'blame/person-as-cause'],
    ['"X\'s the one who" with harm', "Honestly, Kim's the one who deleted the staging bucket.", 'blame/person-as-cause'],
    ["a learner's present passive of making a problem", 'The problem is created by Lee, he changed the routing table.', 'blame/person-as-cause'],
    ['someone else wanting a person off a team', 'Her director wants her off the payments team after the outage.', 'blame/punitive'],
    ['kicking a person off a duty', 'They kicked Sam off the on-call rota over it.', 'blame/punitive'],
    ['"trivial" before a modal perfect', 'A trivial lint rule would have caught the typo.', 'blame/hindsight'],
    ['"lazy" judges the people behind their work', 'Lazy engineering in the billing module let the duplicates through.', 'blame/judgement'],
  ])('%s', (_, text, id) => {
    expect(rulesIn(text)).toContain(id);
  });

  it.each([
    ['a passive "by the time" names no agent', 'The pricing table was corrupted by the time the analyst logged in.'],
    ['a tool after "by" is not a person', 'The shared calendar was overwritten by the nightly import job.'],
    ['a cleft crediting a trade', 'It was the night-shift bakers who spotted the oven alarm.'],
    ['an apology without a named act', 'This one is on me.'],
    ['a denied culprit', 'Nobody went hunting for a culprit; we went hunting for the gap.'],
    ['a response under "because of what…"', 'Checkout recovered because of what the cache rules allowed.'],
    ['a report of the problem came from a team', 'The first report of the problem came from the support team.'],
    ["a recovery that resulted from people's actions", 'The recovery resulted from the actions of the night shift.'],
    ['a scare-quoted fix that helped', "Thanks to Kim's 'quick fix' script, the backlog cleared in ten minutes."],
    ['"the one who made" noise stop', 'Kim is the one who made the dashboard stop paging twice for the same alert.'],
    ["an incident on a team's agenda", "The incident is on the team's agenda for Friday."],
    ['an appositive naming an assistant program', 'Mina, the booking assistant in the clinic app, double-booked the morning slots.'],
    ['a ticket created by a person', 'The issue is created by the on-call engineer in the tracker.'],
    ['"X\'s the one who" with a response', "Kim's the one who restored the staging bucket."],
    ['taking a person off the pager out of care', 'We wanted her off the pager for the weekend so she could rest.'],
    ['a team move with a reason', 'Her manager wants her off the team so she can lead the new platform squad.'],
    ['"trivial" describing a fix', 'The fix was trivial.'],
    ['"trivial" after the modal perfect', 'Restoring would have been trivial if the backups had existed.'],
    ["a tool's actions", 'The outage resulted from the actions of an automated cleanup job.'],
  ])('leaves alone: %s', (_, text) => {
    expect(rulesIn(text)).toEqual([]);
  });
});

describe('clearing words, response chains and new framings (holdout-13 round)', () => {
  it.each([
    ['a problem that came from a person', 'The outage came from Dana, who edited the proxy rules by hand.', 'blame/person-as-cause'],
    ["a problem that originated from a person's work", "The bug originated from Lee's config tweak.", 'blame/person-as-cause'],
    ["a root cause that is a person's decision", "The root cause was Jordan's decision to skip the canary.", 'blame/person-as-cause'],
    ['people put through retraining in the passive', 'The billing team will be retrained on the refund procedure.', 'blame/vague-action'],
    ['asking people to concentrate harder', 'Operators need to concentrate harder at shift change.', 'blame/vague-action'],
    ['a suspension without pay', 'The clerk was sent home for two days without pay.', 'blame/punitive'],
    ['a learner\'s "make mistake"', 'The warehouse team make mistake with the labels.', 'blame/human-error'],
    ['"the mistake is of" a person', 'The mistake is of the technician, he swapped the cables.', 'blame/human-error'],
    ['blame after the clearing words still counts', 'Kim was not to blame, but the release manager broke the build.', 'blame/person-as-cause'],
    ['blame in an earlier clause still counts', 'Sam broke the deploy; the network was not a factor.', 'blame/person-as-cause'],
    ['a question of who omitted a step', 'Who forgot to turn the replication back on?', 'blame/counterfactual'],
    ['"which one of you" omitted a step', 'Which one of you skipped the smoke test?', 'blame/counterfactual'],
    ['a question of why nobody acted', 'Why did nobody think to pause the import?', 'blame/counterfactual'],
    ['a question of why a person did not act', 'Why did the release manager not stop the rollout?', 'blame/counterfactual'],
    ['a state left behind, in the passive', 'The server cage was left unlocked by the night crew.', 'blame/person-as-cause'],
    ['an unlisted trade before a cleft "who" acting on the wrong thing', 'It was the weekend porters who stacked the wrong pallets.', 'blame/person-as-cause'],
    ['"anybody could see this"', 'The cron would collide with the backup, anybody could see this.', 'blame/hindsight'],
    ['"a bit slack" about a person', 'The reviewer was a bit slack with the second check.', 'blame/judgement'],
    ['"no idea what he was doing"', 'Frankly the contractor had no idea what he was doing.', 'blame/judgement'],
    ['an instructor as a role', 'The instructor ignored the safety checklist.', 'blame/person-as-cause'],
  ])('%s', (_, text, id) => {
    expect(rulesIn(text)).toContain(id);
  });

  it.each([
    ['a person cleared of blame', 'The duty pilot was not to blame; the sensor feed lagged by two seconds.'],
    ['operator error said not to be a factor', 'Operator error by the night shift was not a factor in the data loss.'],
    ['nobody did anything wrong', 'The queue simply overflowed, and no one did anything wrong.'],
    ['a rollback followed by a restart of failed work', 'Priya rolled the renderer back to 2.4 and restarted the failed jobs.'],
    ['a removal coordinated with a response act', 'Lee killed the hung export job and purged its queue.'],
    ['a test sent to oneself', 'Dana renewed the certificate and sent a test push to her own phone.'],
    ['a report that came from a customer', 'The first problem report came from a customer in Lisbon.'],
    ["a problem traced to a person's laptop, not their work", "The problem came from Kim's laptop, which still ran the old VPN client."],
    ['a model retrained, not people', 'The ranking model will be retrained on the corrected clicks.'],
    ['a payroll run without pay slips', 'Payroll ran without pay slips for one day while the printer was down.'],
    ['a five-whys question about a system', 'Why did the alert not fire?'],
    ['a question about an act, not an omission', 'Why did Lee restart the broker?'],
    ['the team asking itself', "Why didn't we catch this in staging?"],
    ['who did a response act', 'Who restarted the broker?'],
    ['a job that skipped a step', 'Which job skipped the backup?'],
    ['a state left by a job', 'The service was left running by the nightly job.'],
    ['a cleft crediting people who spotted the wrong thing', 'It was the weekend porters who spotted the wrong pallets.'],
    ['who could see the files (access, not hindsight)', 'The bucket was public, so anyone could see the files.'],
    ['the team confused during the response', 'We had no idea what was happening for ten minutes.'],
    ['Slack the product', 'Kim posted the graph in Slack with a note.'],
  ])('leaves alone: %s', (_, text) => {
    expect(rulesIn(text)).toEqual([]);
  });
});

describe('impossibility, credit, denial and learner forms (holdout-14 round)', () => {
  it.each([
    [
      'a cleft whose person stands before a place phrase',
      'It was the day crew at the warehouse who loaded the trucks without the seals.',
      'blame/person-as-cause',
    ],
    ['self-blame in "I\'m the one who" with a failure', "I'm the one who took the booking site down.", 'blame/person-as-cause'],
    ['a bare "didn\'t" after a pronoun', "The reviewers were supposed to check the totals, and they didn't.", 'blame/counterfactual'],
    ['told to wait, then went ahead anyway', 'Dana was told to wait for the backup and went ahead anyway.', 'blame/counterfactual'],
    ["a learner's present negation with a bare verb", 'Lee is not check the logs before the deploy.', 'blame/counterfactual'],
    ['"should of" with a bare verb', 'He should of call the supplier first.', 'blame/counterfactual'],
    ['nobody picked up', 'Nobody on the night desk picked up when the pager went off.', 'blame/counterfactual'],
    ['personnel as people', 'Lab personnel did not verify the sample labels.', 'blame/counterfactual'],
    ['a human slip as the cause', 'The mismatch came down to a human slip during data entry.', 'blame/human-error'],
    ['a written warning issued to a person', 'Issue a written warning to the engineer.', 'blame/punitive'],
    ['off the on-call roster', 'Effective Monday, Sam is off the on-call roster.', 'blame/punitive'],
    ['"painfully obvious"', 'The gap was painfully obvious to everyone afterwards.', 'blame/hindsight'],
    ['clicking through a warning', 'The operator clicked through the warning and ran the job.', 'blame/person-as-cause'],
    ['"no idea what she is doing"', 'Honestly, the new lead has no idea what she is doing.', 'blame/judgement'],
  ])('%s', (_, text, id) => {
    expect(rulesIn(text)).toContain(id);
  });

  it.each([
    ['what was impossible for the person', 'Lee could not have seen the warning from the loading bay.'],
    ['a presence that helped', 'If Priya had not been on call, nobody would have known where the spare key was.'],
    ['credit after "because" with a relief', 'Because Jordan stayed on the bridge, the transfer was saved.'],
    ['a punishment denied', 'Nobody was fired, suspended or written up over this.'],
    ['a punishment denied in the passive', 'Kim was not disciplined.'],
    ['"obviously" about how it felt', 'The delay was obviously frustrating for the passengers.'],
    ['a program in an appositive without commas', 'Mo the scheduling assistant double-booked the rooms.'],
    ['a count after "down to"', 'The support desk was down to three people after the reorganisation.'],
    ['a state in the present progressive', 'Sam is not checking email this week.'],
    ['a pump that did not restart', "The pump was supposed to restart, and it didn't."],
    ['a cleft with a new clause before the relative', 'It was three in the morning when the engineer who was on call joined.'],
    ['a cleft crediting people before a place phrase', 'It was the day crew at the warehouse who spotted the missing seals.'],
  ])('leaves alone: %s', (_, text) => {
    expect(rulesIn(text)).toEqual([]);
  });

  it('reads "Lazy Susan" as a name when names are not guessed', () => {
    const found = lintProse('Lazy Susan is the name of the turntable, and its motor failed.', { people: createPeople(['kim']) });
    expect(found).toEqual([]);
  });

  it('reads "could of course" as the preposition, not "could have"', () => {
    expect(rulesIn('We could of course retry the batch.')).not.toContain('blame/counterfactual');
  });
});

describe('the person lexicon, omissions with results, accusing questions and denials (holdout-15 round)', () => {
  it.each([
    ['a person noun from the lexicon heading its phrase', 'The sommelier poured the wrong vintage for the whole table.', 'blame/person-as-cause'],
    ['"one individual" as a person', 'One individual deleted the shared calendar.', 'blame/person-as-cause'],
    ['taken off a post pending review', 'Lee was removed from the rota pending the investigation.', 'blame/punitive'],
    ['a question about who will be punished', "Who's getting fired for this?", 'blame/punitive'],
    ['an oath in a who-question', 'Who the hell approved this change?', 'blame/person-as-cause'],
    ['an omission with its result after ", so"', 'Kim forgot to renew the certificate, so the site went down.', 'blame/person-as-cause'],
    ['an omission with its result after ", which meant"', 'The auditor forgot to lock the ledger, which meant the batch ran twice.', 'blame/person-as-cause'],
    ['"any" well before the role is hindsight', 'Any first-year vet student would have spotted the rash.', 'blame/hindsight'],
    ['judged people given as the reason', 'Careless technicians are why the line stopped.', 'blame/person-as-cause'],
    ['quoted speech is read as prose', 'The lead said "We should have paged the database team sooner."', 'blame/counterfactual'],
    ['people put through training', 'Attendants will receive refresher training on reporting defects.', 'blame/vague-action'],
    ['a role with two modifiers after a cause label', 'Root cause (five whys, step 5): the ticket ops lead.', 'blame/person-as-cause'],
    [
      '"the result of one individual\'s failure"',
      "The outage was the result of one individual's failure to follow the change procedure.",
      'blame/person-as-cause',
    ],
  ])('%s', (_, text, id) => {
    expect(rulesIn(text)).toContain(id);
  });

  it.each([
    ['a lexicon noun used as a modifier', 'The sommelier course starts next week.'],
    ['"individual" as an adjective', 'Individual requests failed with a timeout.'],
    ['nouns that name software or the public', 'The broker dropped the messages when its disk filled.'],
    ['a vendor shipping a fix', 'The vendor shipped a patch on Friday.'],
    ['a customer as the one affected', 'The customer retried the payment three times.'],
    ['a machine taken out of a pool pending review', 'The node was removed from the pool pending review.'],
    ['a who-question about a job', 'Who suspended the job?'],
    ['an oath with a shrug', 'Who the hell knew?'],
    ['a quoted log line stays opaque', 'The log said "Connection reset by peer."'],
    ['a good outcome given its reason', 'Careful reviews are why the release went smoothly.'],
    ['human error ruled out', 'The investigation found no evidence of operator error; the relay had failed.'],
    ['training data for machines', 'The pods will receive training data from the bucket.'],
    ["a team's document after a cause label", "Root cause: the ops team's runbook was stale."],
    ['credit given as the result of a person', "The fast recovery was the result of Kim's quick thinking."],
  ])('leaves alone: %s', (_, text) => {
    expect(rulesIn(text)).toEqual([]);
  });

  it('reads "any … would have" as hindsight, not a counterfactual', () => {
    expect(rulesIn('Any first-year vet student would have spotted the rash.')).not.toContain('blame/counterfactual');
  });

  it('adds no person-as-cause to an omission whose "so that" states a purpose', () => {
    expect(rulesIn('Kim forgot to renew the certificate, so that was added to the checklist.')).not.toContain('blame/person-as-cause');
  });

  it('leaves retraining as a sanction to punitive alone', () => {
    expect(rulesIn('Lee to attend mandatory retraining as a consequence of this incident.')).toEqual(['blame/punitive']);
  });
});
