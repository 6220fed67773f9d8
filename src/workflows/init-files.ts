/**
 * The starter files `postmortem init` writes: an example incident (with the
 * editor's schema line), a configuration with every option present and
 * commented out (so the file means "all defaults" until one is uncommented),
 * and a GitHub workflow that uses this project's Action. Fixed text, so a
 * second run finds every file unchanged.
 */

/** The Action as workflows refer to it; change it here if the Action is published under another name. */
export const ACTION_USES = 'postmortem-project/postmortem@v1';

export const EXAMPLE_INCIDENT = 'postmortems/2025-01-14-example-search-index-lag.yaml';
export const CONFIG_PATH = 'postmortem.config.yaml';
export const WORKFLOW_PATH = '.github/workflows/postmortems.yml';

export const EXAMPLE_YAML = `# yaml-language-server: $schema=../node_modules/postmortems/schema/postmortem.schema.json
# An example post-mortem written by \`postmortem init\`: keep it as a model, or delete it
# (and its .md report) once your first real incident is in. Start one with:
#   npx postmortem new "What happened"
title: Search results lagged behind new listings
date: 2025-01-14
timezone: UTC
severity: SEV3
status: draft                 # draft | in-review | published (publishing needs an approving review)
authors: [example-author]
participants: [example-responder]
services: [search-indexer]
tags: [example, indexing]

summary: >
  The search indexer fell behind after a schema change doubled the size of each
  listing document, and new listings took up to 50 minutes to appear in search.

impact:
  description: New listings were missing from search results for up to 50 minutes
  users_affected: 300

timeline:
  - time: "08:40"
    event: Schema change adding listing attributes reached the indexer
    type: deploy
  - time: "08:45"
    event: Indexing lag began to grow
    type: start
  - time: "09:05"
    event: Lag alert fired at ten minutes behind
    type: detect
  - time: "09:08"
    event: The on-call responder acknowledged the alert
    type: ack
  - time: "09:20"
    event: Indexer workers doubled; lag began to fall
    type: action
  - time: "09:35"
    event: Lag back under one minute
    type: mitigate
  - time: "09:50"
    event: Incident resolved after fifteen minutes of normal lag
    type: resolve

root_cause:
  immediate: The indexer's worker count was sized for documents half the new size
  contributing_factors:
    - Load tests ran with the old document shape
    - The lag alert threshold allowed twenty minutes of growth before paging

resolution:
  - Doubled the indexer workers
  - Added the new attributes to the load-test documents

action_items:
  - id: load-test-shape
    action: Generate load-test documents from the current schema
    owner: example-responder
    deadline: 2025-02-14
    priority: P2
    type: prevent
  - id: lag-alert
    action: Page at five minutes of indexing lag
    owner: example-author
    deadline: 2025-01-31
    priority: P2
    type: detect

lessons:
  - title: Capacity follows document size
    detail: A schema change can change load as much as a traffic change does.
`;

export const CONFIG_YAML = `# yaml-language-server: $schema=node_modules/postmortems/schema/postmortem.config.schema.json
# Settings for \`postmortem\` and its GitHub Action. Every option is shown with its
# default and commented out: uncomment a line to change it.

# incidents: postmortems          # folder of incident files
# templates: templates            # your own Handlebars templates (files replace built-in ones of the same name)
# output: docs/reports            # where reports go (default: beside each incident file)
# severities: [SEV1, SEV2, SEV3, SEV4, SEV5]   # the severity scale, worst first
# max_file_bytes: 262144          # incident files larger than this are refused (default 256 KiB)

# lint:
#   rules:                        # rule id or family -> off | error | warning | info
#     blame/hindsight: warning
#     structure/action-deadline: off
#   phrases:                      # your own phrases to flag
#     - phrase: cowboy
#       rule: blame/custom
#       message: Labels a person instead of describing the change process
#       suggestion: Describe the review step the change skipped
#   allow: [root cause]           # phrases never flagged
#   people: [dana, erin]          # names of people, so Markdown post-mortems are checked for blame

# sync:                           # \`postmortem sync\` and the Action's \`command: sync\`
#   repo: OWNER/NAME              # repository for the issues (default: the current one)
#   server_url: https://github.com   # where issue links in reports point (GitHub Enterprise Server: its address)
#   label: postmortem-action      # label on every action-item issue
#   incident_label_prefix: "incident:"   # prefix of the per-incident label
#   pace_ms: 1000                 # pause between writes, in ms
#   max_wait: 30                  # longest wait for one request's retries, in s

# policies:                       # limits \`postmortem report\` and \`validate\` warn about (none by default)
#   action_deadline_days: { SEV1: 28, SEV2: 56 }   # latest action-item deadline, in days after the incident
#   max_days_in_draft: 14         # days after the incident it may stay \`draft\`
#   max_days_in_review: 30        # days after the incident it may stay \`in-review\`

# review:                         # the Action's review gate on pull requests
#   approvals:                    # approving reviews needed to set \`status: published\`
#     default: 1
#     SEV1: 2
`;

export const WORKFLOW_YAML = `# Post-mortems as code (written by \`postmortem init\`).
# Pull requests: validate, lint, check reports and review approvals, one comment.
# The default branch and a daily schedule: sync action items to issues and
# regenerate the index, committing what changed.
# \`uses: ${ACTION_USES}\` names the published Action; if your organisation
# mirrors or forks it, put that repository and a pinned tag or commit there.
name: Post-mortems

on:
  pull_request:
  push:
  schedule:
    - cron: "23 6 * * *"
  workflow_dispatch:

# Nothing by default; each job asks for what it needs.
permissions: {}

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read          # read the incident files
      pull-requests: write    # read changed files and reviews; keep one comment current
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_USES}
        with:
          command: check

  sync:
    if: github.event_name != 'pull_request' && (github.event_name != 'push' || github.ref_name == github.event.repository.default_branch)
    runs-on: ubuntu-latest
    # A push run and a scheduled run never write issues or commits at the same time.
    concurrency:
      group: postmortems-sync
      cancel-in-progress: false
    permissions:
      contents: write         # commit issue numbers and the index
      issues: write           # one issue per action item
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_USES}
        with:
          command: sync
          commit: true
      - uses: ${ACTION_USES}
        with:
          command: report
          commit: true
`;
