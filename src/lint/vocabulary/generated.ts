/**
 * The linter's word lists, kept as data so that a reviewer can read and
 * extend what the rules know without reading the grammar that uses them.
 * Entries are lower case; multi-word entries are matched token by token.
 *
 * @example
 * ROLE_NOUNS.has('reviewer') // true: "the reviewer" names a person
 */

/** Nouns that name a person or a group of people by role. */
export const ROLE_NOUNS = new Set([
  'engineer', 'engineers', 'developer', 'developers', 'dev', 'devs', 'sre', 'sres', 'dba', 'dbas', 'admin', 'admins',
  'administrator', 'administrators', 'operator', 'operators', 'reviewer', 'reviewers', 'approver', 'approvers', 'author',
  'authors', 'on-call', 'oncall', 'on-caller', 'intern', 'interns', 'hire', 'hires', 'contractor', 'contractors', 'staff',
  'team', 'teams', 'ops', 'devops', 'people', 'person', 'employee', 'employees', 'manager', 'managers', 'lead', 'leads',
  'responder', 'responders', 'colleague', 'colleagues', 'coworker', 'coworkers', 'sysadmin', 'sysadmins', 'programmer',
  'programmers', 'analyst', 'analysts', 'technician', 'technicians', 'owner', 'owners', 'committer', 'committers',
]);

/** Pronouns and indefinites that stand for people. */
export const PERSON_PRONOUNS = new Set([
  'i', 'we', 'he', 'she', 'they', 'you', 'someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'nobody',
]);

/** Team names that are written capitalised ("Security locked everyone out"). */
export const CAPITALISED_TEAMS = new Set(['Security', 'Ops', 'SRE', 'DevOps', 'QA', 'IT', 'Infra', 'Infrastructure', 'Support']);

/** Capitalised words that are products or places, never people, for the name heuristic. */
export const NOT_NAMES = new Set([
  'kubernetes', 'redis', 'postgres', 'postgresql', 'mysql', 'kafka', 'cassandra', 'aws', 'gcp', 'azure', 'linux', 'nginx',
  'envoy', 'istio', 'terraform', 'ansible', 'docker', 'github', 'gitlab', 'jenkins', 'prometheus', 'grafana', 'datadog',
  'pagerduty', 'slack', 'cloudflare', 'elasticsearch', 'mongodb', 'vault', 'consul', 'helm', 'argo', 'java', 'python',
  'node', 'go', 'rust', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the',
  'this', 'that', 'these', 'those', 'it', 'a', 'an', 'our', 'their', 'its', 'api', 'dns', 'cdn', 'vpn', 'ci', 'cd',
]);

/**
 * Verbs that, with a person as subject, make that person the agent of a
 * failure (`blame/person-as-cause`). `then` lists particles that must follow
 * within three words ("took … down", "locked … out").
 */
export const DAMAGE_VERBS: ReadonlyArray<{ verb: readonly string[]; then?: readonly string[] }> = [
  { verb: ['broke', 'break', 'breaks', 'broken'] },
  { verb: ['took', 'take', 'takes', 'taken'], then: ['down', 'offline', 'out'] },
  { verb: ['brought', 'bring', 'brings'], then: ['down', 'offline'] },
  { verb: ['knocked', 'knock'], then: ['over', 'out', 'down', 'offline'] },
  { verb: ['locked', 'lock'], then: ['out'] },
  { verb: ['messed', 'mess', 'screwed', 'screw', 'blew', 'blow'], then: ['up', 'away'] },
  { verb: ['let'], then: ['lapse', 'expire', 'slip', 'fill', 'run'] },
  {
    verb: [
      'deleted', 'wiped', 'dropped', 'destroyed', 'corrupted', 'misconfigured', 'botched', 'caused', 'introduced',
      'overloaded', 'crashed', 'unplugged', 'nuked', 'overwrote', 'bypassed', 'overrode', 'leaked', 'misrouted', 'blackholed',
      'flooded', 'exhausted', 'locked', 'ignored', 'killed', 'trashed', 'clobbered', 'fumbled',
    ],
  },
];

/**
 * Words that load an otherwise neutral action by a person with blame:
 * "Lee merged an *unreviewed* migration", "pushed *directly to main*".
 */
export const LOADED_MARKERS: ReadonlyArray<readonly string[]> = [
  ['unreviewed'], ['untested'], ['wrong'], ['broken'], ['buggy'], ['bad'], ['malformed'], ['outdated'], ['incorrect'], ['faulty'], ['regression'], ['by', 'mistake'],
  ['by', 'accident'], ['accidentally'], ['mistakenly'], ['once', 'again'], ['again'], ['twice'], ['before', 'leaving'],
  ['on', 'a', 'friday'], ['directly', 'to'], ['against', 'production'], ['without', 'telling'], ['without', 'checking'],
  ['without', 'testing'], ['without', 'asking'], ['without', 'a', 'review'], ['without', 'review'], ['without', 'approval'],
  ['without', 'any'], ['without', 'reading'], ['once', 'more'], ['at', 'once'], ['against', 'the', 'live'], ['against', 'live'],
  ['against', 'prod'], ['during', 'peak'], ['anyway'], ['to', 'the', 'public'], ['straight', 'to'], ['without', 'waiting'],
  ['in', 'the', 'middle', 'of'], ['during', 'business'], ['business', 'hours'], ['friday', 'evening'], ['friday', 'afternoon'],
  ['friday', 'night'], ['minutes', 'before'], ['right', 'before'], ['late', 'at', 'night'], ['went', 'offline'], ['went', 'home'],
  ['and', 'left'], ['then', 'left'], ['on', 'vacation'], ['his', 'own'], ['her', 'own'], ['my', 'own'], ['their', 'own'],
];

/** Verbs that repair or investigate a defect: "Lee rolled back the bad deploy" is not blame. */
export const REMEDY_VERBS = new Set([
  'found', 'noticed', 'spotted', 'fixed', 'removed', 'replaced', 'reverted', 'identified', 'detected', 'discovered', 'confirmed',
  'investigated', 'restored', 'repaired', 'corrected', 'rotated', 'revoked', 'reported', 'flagged', 'paged', 'escalated', 'diagnosed', 'traced',
]);

/** Phrases that make an action deliberate, hence not a failure ("as planned"). */
export const PLANNED_MARKERS: ReadonlyArray<readonly string[]> = [
  ['as', 'planned'], ['as', 'scheduled'], ['intentionally'], ['deliberately'], ['on', 'purpose'], ['as', 'intended'],
  ['as', 'the', 'runbook'], ['per', 'the', 'runbook'],
];

/** Consequences hung on a person's action after a comma: ", filling the disks". */
export const DAMAGE_PARTICIPLES = new Set(['overwriting', 'wiping', 'blackholing', 'flooding', 'locking', 'destroying', 'taking', 'bringing', 'knocking', 'leaking', 'blocking', 
  'filling', 'causing', 'breaking', 'crashing', 'deleting', 'wiping', 'overloading', 'exhausting', 'corrupting', 'dropping',
]);

/** Diligence verbs: a person who did *not* do these is blamed by omission (`blame/counterfactual`). */
export const DILIGENCE_VERBS = new Set([
  'follow', 'read', 'check', 'look', 'test', 'review', 'escalate', 'notice', 'wait', 'ask', 'verify', 'update', 'run',
  'renew', 'bother', 'think', 'consider', 'monitor', 'watch', 'validate', 'confirm', 'tell', 'warn', 'heed', 'pay', 'document',
  'communicate', 'inform', 'notify', 'announce',
]);

/** Verbs after which "to" states an omission: "failed to notice", "forgot to renew". */
export const OMISSION_VERBS = new Set(['failed', 'neglected', 'forgot', 'forgets', 'forgetting', 'omitted', 'declined', 'refused']);

/** Modal verbs whose perfect ("should have") judges a past choice. */
export const MODALS = new Set(['should', 'ought', 'could', 'must', 'would', 'might']);
export const MODAL_CONTRACTIONS = new Set(["should've", "could've", "must've", "would've", "shouldn't've", "might've"]);

/** Phrases that name a person's error as the cause (`blame/human-error`). */
export const HUMAN_ERROR_PHRASES: ReadonlyArray<readonly string[]> = [
  ['human', 'error'], ['human', 'errors'], ['operator', 'error'], ['user', 'error'], ['engineer', 'error'], ['pilot', 'error'],
  ['human', 'mistake'], ['manual', 'error'], ['manual', 'mistake'], ['fat-fingered'], ['fat-finger'], ['fat', 'fingered'],
  ['people', 'problem'], ['human', 'factor'], ['human', 'failure'], ['error', 'on', 'the', 'part', 'of'], ['pebkac'],
  ['user', 'mistake'], ['operator', 'mistake'], ['mistake', 'by'], ['mistakes', 'by'], ['error', 'by'],
];

/**
 * Judgemental words (`blame/judgement`). `innocent` lists next words that
 * give the word a technical sense ("lazy loading", "sloppy quorum").
 * `person` marks words that judge only when a person is in the sentence.
 */
export const JUDGEMENT_WORDS: ReadonlyArray<{ word: readonly string[]; innocent?: readonly string[]; person?: boolean }> = [
  { word: ['careless'] }, { word: ['carelessly'] }, { word: ['carelessness'] }, { word: ['sloppy'], innocent: ['quorum', 'quorums'] },
  { word: ['sloppily'] }, { word: ['sloppiness'] }, { word: ['negligent'] }, { word: ['negligently'] }, { word: ['negligence'] },
  { word: ['reckless'] }, { word: ['recklessly'] }, { word: ['lazy'], person: true, innocent: ['loading', 'load', 'evaluation', 'initialization', 'initialisation', 'init', 'loaded', 'import', 'imports', 'mode'] },
  { word: ['laziness'] }, { word: ['incompetent'] }, { word: ['incompetence'] }, { word: ['irresponsible'] },
  { word: ['irresponsibly'] }, { word: ['stupid'] }, { word: ['dumb'] }, { word: ['idiotic'] }, { word: ['clueless'] },
  { word: ['amateurish'] }, { word: ['unprofessional'] }, { word: ['boneheaded'] }, { word: ['inexcusable'] },
  { word: ['useless'], person: true }, { word: ['impatient'], person: true }, { word: ['rookie'] }, { word: ['asleep', 'at', 'the', 'wheel'] },
  { word: ['lapse', 'in', 'judgement'] }, { word: ['lapse', 'in', 'judgment'] }, { word: ['poor', 'judgement'] },
  { word: ['poor', 'judgment'] }, { word: ['inattentive'] }, { word: ['sloppy', 'work'] }, { word: ['cowboy'] },
];

/** Punishment as an outcome (`blame/punitive`); `passive` words count after a form of "be" or with a person object. */
export const PUNITIVE_PASSIVE = new Set(['reprimanded', 'disciplined', 'fired', 'terminated', 'demoted', 'sacked', 'suspended', 'punished', 'censured']);
export const PUNITIVE_PHRASES: ReadonlyArray<readonly string[]> = [
  ['written', 'up'], ['let', 'go'], ['formal', 'warning'], ['written', 'warning'], ['final', 'warning'], ['as', 'a', 'punishment'],
  ['as', 'punishment'], ['be', 'accountable'],
  ['removed', 'from', 'the', 'rotation'], ['disciplinary'], ['consequences', 'for'], ['performance', 'improvement', 'plan'],
];

/** Hindsight and minimising words (`blame/hindsight`). */
export const HINDSIGHT_PHRASES: ReadonlyArray<readonly string[]> = [
  ['obviously'], ['clearly'], ['plainly'], ['evidently'], ['in', 'hindsight'], ['of', 'course'], ['trivial'], ['trivially'],
  ['all', 'they', 'had', 'to', 'do'], ['all', 'he', 'had', 'to', 'do'], ['all', 'she', 'had', 'to', 'do'],
  ['all', 'we', 'had', 'to', 'do'], ['all', 'you', 'had', 'to', 'do'], ['it', 'was', 'clear'], ['it', 'is', 'clear'],
  ['was', 'obvious'], ['were', 'obvious'], ['is', 'obvious'], ['been', 'obvious'], ['was', 'evident'], ['is', 'evident'],
  ['no-brainer'], ['easy', 'to', 'see'], ['easy', 'to', 'spot'], ['it', 'goes', 'without', 'saying'],
];
/** Hindsight words that minimise only when they follow a person ("the engineer simply needed"). */
export const MINIMISERS = new Set(['simply', 'just', 'merely']);
/** Perception verbs for "anyone could have seen". */
export const PERCEPTION_VERBS = new Set(['done', 'fixed', 'prevented', 'avoided', 'seen', 'noticed', 'spotted', 'known', 'predicted', 'foreseen', 'caught', 'guessed']);

/** Action items that ask people to try harder (`blame/vague-action`). */
export const VAGUE_ACTION_PHRASES: ReadonlyArray<readonly string[]> = [
  ['more', 'careful'], ['more', 'carefully'], ['more', 'vigilant'], ['more', 'diligent'], ['more', 'attentive'], ['more', 'thorough'], ['more', 'cautious'], ['more', 'mindful'],
  ['pay', 'more', 'attention'], ['pay', 'attention'], ['closer', 'attention'], ['more', 'attention'], ['try', 'harder'], ['make', 'sure', 'to'], ['remember', 'to'],
  ['stress', 'the', 'importance'], ['raise', 'awareness'], ['be', 'careful'], ['take', 'more', 'care'], ['always', 'remember'],
];
/** Words that make an action systemic even when it starts like a vague one ("remind owners automatically"). */
export const SYSTEMIC_MARKERS = new Set(['automatically', 'automated', 'automatic', 'bot']);
/** Imperatives that open a vague action when their object is people or nothing systemic. */
export const VAGUE_IMPERATIVES = new Set(['double-check', 'doublecheck', 'remind', 'retrain', 're-train', 'tell', 'ask', 'encourage', 'educate', 'instruct', 'warn']);

/** Verbs of a purpose clause that make a damaging-sounding act a mitigation: "killed the query to stop the outage". */
export const MITIGATION_PURPOSES = new Set([
  'stop', 'restore', 'mitigate', 'contain', 'halt', 'end', 'relieve', 'unblock', 'recover', 'stabilise', 'stabilize', 'protect',
  'prevent', 'limit', 'free', 'shed', 'reduce', 'isolate', 'drain', 'quarantine', 'resolve', 'stem',
]);

/** Particles that give "break" the sense of dividing: "broke the work into three streams", "broke it up", "apart". */
export const SPLIT_PARTICLES = new Set(['into', 'up', 'apart']);

/** Running units of work; killing one is how a responder stops it ("killed the stale process"). */
export const WORK_UNITS = new Set([
  'process', 'processes', 'query', 'queries', 'job', 'jobs', 'session', 'sessions', 'connection', 'connections', 'thread', 'threads',
  'worker', 'workers', 'task', 'tasks', 'transaction', 'transactions', 'pid', 'loop', 'script', 'cron', 'batch',
]);

/** A person's belongings: in "Kim's laptop crashed" the subject is the laptop, not Kim (unlike "Kim's deploy"). */
export const BELONGINGS = new Set([
  'laptop', 'laptops', 'phone', 'phones', 'computer', 'workstation', 'machine', 'desktop', 'headset', 'microphone', 'mic', 'camera',
  'internet', 'wifi', 'wi-fi', 'vpn', 'browser', 'pager', 'keyboard', 'battery', 'power', 'home', 'car', 'flight', 'train',
]);
