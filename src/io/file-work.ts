/**
 * One request of the file pool answered: the work a worker thread does for a
 * file (`file-worker.ts`), and what this thread does in its place when no
 * worker is left. Pure apart from the state it is given.
 */
import type { Config } from '../config/config.js';
import type { Incident } from '../incident/model.js';
import type { renderReport, TemplateSet } from '../render/render.js';
import type { ReportOptions } from '../render/view.js';
import { checkIncident } from '../validate/check-incident.js';
import { idRecord } from '../workflows/incident-ids.js';
import type { PooledCheck } from '../workflows/workspace.js';

/** What the main thread asks; `id` pairs the answer with the question. */
export type WorkerRequest =
  | { id: number; kind: 'check'; file: string; bytes: Uint8Array; today: string | null; keep: boolean; diagnosticsOnly: boolean }
  | { id: number; kind: 'render'; file: string; options: ReportOptions & { key: string } };

export type WorkerReply = { id: number; ok: true; value: PooledCheck | string } | { id: number; ok: false; message: string };

/** Sent once to every worker as it starts. */
export interface WorkerSetup {
  config: Config;
  templates: TemplateSet | null;
}

/** A thread's state: the models held for a later render, and the renderer (loaded only when there are templates). */
export interface WorkerState {
  kept: Map<string, Incident>;
  render: typeof renderReport | null;
}

/** The reply to one request; a render that throws (a custom template's helper) is a failed reply, not an exception. */
export function answerRequest(request: WorkerRequest, setup: WorkerSetup, state: WorkerState): WorkerReply {
  try {
    return { id: request.id, ok: true, value: answer(request, setup, state) };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function answer(request: WorkerRequest, setup: WorkerSetup, { kept, render }: WorkerState): PooledCheck | string {
  if (request.kind === 'check') {
    const checked = checkIncident(request.file, request.bytes, setup.config, { today: request.today });
    if (request.keep && checked.incident) kept.set(request.file, checked.incident);
    const incident = request.diagnosticsOnly ? null : checked.incident;
    return { ...checked, source: null, input: null, incident, id: idRecord(request.file, checked.source) };
  }
  const incident = kept.get(request.file);
  if (!incident || !setup.templates || !render) throw new Error(`no checked incident for ${request.file} in this thread`);
  kept.delete(request.file);
  return render(incident, setup.templates, request.options);
}
