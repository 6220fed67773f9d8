/**
 * An action-items section to action items: a table with an action column
 * and optional owner / deadline / status / priority columns, or a list
 * (task-list checkboxes give the status). Values the format cannot hold as
 * they are (a deadline of "Q1 2026", a status of "blocked") are kept under
 * `x-` keys of the item. Paragraphs and other blocks come back as `notes`.
 *
 * @example
 * readActionItems(nodes).items[0] // → { action: 'Add a canary stage', owner: 'platform', deadline: '2024-02-01', status: 'open' }
 */
import type { RootContent, Table } from 'mdast';
import { findDate } from './document-time.js';
import { blockText, inlineText, listItemText } from './markdown-text.js';

export interface ImportedActionItem {
  action: string;
  owner?: string;
  deadline?: string;
  status?: 'open' | 'in-progress' | 'done' | 'wont-do';
  priority?: 'P0' | 'P1' | 'P2' | 'P3';
  'x-deadline'?: string;
  'x-status'?: string;
  'x-priority'?: string;
  'x-details'?: string;
}

export interface ActionReading {
  items: ImportedActionItem[];
  notes: string[];
}

const COLUMNS: ReadonlyArray<readonly [keyof ImportedActionItem, RegExp]> = [
  ['owner', /\b(owner|assignee|assigned|who|team|responsible|dri)\b/],
  ['deadline', /\b(deadline|due|eta|target|by when|date)\b/],
  ['status', /\b(status|state|done|progress)\b/],
  ['priority', /\b(priority|prio|severity)\b/],
  ['action', /\b(action|item|task|what|description|follow[- ]?up|remediation|title|issue)\b/],
];

export function readActionItems(nodes: readonly RootContent[]): ActionReading {
  const reading: ActionReading = { items: [], notes: [] };
  for (const node of nodes) {
    if (node.type === 'table') readTable(node, reading);
    else if (node.type === 'list') {
      for (const item of node.children) {
        const action = listItemText(item).trim();
        if (action === '') continue;
        const entry: ImportedActionItem = { action };
        if (item.checked === true) entry.status = 'done';
        else if (item.checked === false) entry.status = 'open';
        reading.items.push(entry);
      }
    } else {
      const text = node.type === 'heading' ? inlineText(node.children) : blockText(node);
      if (text.trim() !== '') reading.notes.push(text);
    }
  }
  return reading;
}

function readTable(table: Table, reading: ActionReading): void {
  const [header, ...rows] = table.children;
  const headers = (header?.children ?? []).map((cell) => inlineText(cell.children).trim());
  const roles = headers.map((name) => COLUMNS.find(([, pattern]) => pattern.test(name.toLowerCase()))?.[0] ?? null);
  // Without a named action column, the first column that is not owner, date, status or priority holds it.
  const actionColumn = roles.includes('action') ? roles.indexOf('action') : roles.indexOf(null);
  if (actionColumn === -1) {
    reading.notes.push(blockText(table));
    return;
  }
  for (const row of rows) {
    const cells = row.children.map((cell) => inlineText(cell.children).trim());
    const action = cells[actionColumn] ?? '';
    if (action === '') {
      if (cells.some((cell) => cell !== '')) reading.notes.push(cells.join(' | '));
      continue;
    }
    const item: ImportedActionItem = { action };
    const details: string[] = [];
    cells.forEach((cell, index) => {
      if (index === actionColumn || cell === '') return;
      const role = roles[index];
      if (role === 'owner' && item.owner === undefined) item.owner = cell;
      else if (role === 'deadline') setDeadline(item, cell);
      else if (role === 'status') setStatus(item, cell);
      else if (role === 'priority') setPriority(item, cell);
      else details.push(headers[index] ? `${headers[index]}: ${cell}` : cell);
    });
    if (details.length > 0) item['x-details'] = details.join('; ');
    reading.items.push(item);
  }
}

function setDeadline(item: ImportedActionItem, text: string): void {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : findDate(text);
  if (date) item.deadline = date;
  if (date !== text) item['x-deadline'] = text;
}

const STATUS_WORDS: ReadonlyArray<readonly [NonNullable<ImportedActionItem['status']>, RegExp]> = [
  ['wont-do', /won'?t|wontfix|cancel+ed|dropped|rejected|not planned/i],
  ['in-progress', /progress|ongoing|started|doing|wip|underway|planned/i],
  ['done', /^(done|complete[d]?|fixed|closed|resolved|shipped|finished|yes|✅|✔️?|x)$/i],
  ['open', /^(open|todo|to do|not started|pending|new|no|❌)$/i],
];

function setStatus(item: ImportedActionItem, text: string): void {
  const status = STATUS_WORDS.find(([, pattern]) => pattern.test(text.trim()))?.[0];
  if (status) item.status = status;
  if (!status || !new RegExp(`^${status.replace('-', '[- ]?')}$`, 'i').test(text.trim())) item['x-status'] = text;
}

function setPriority(item: ImportedActionItem, text: string): void {
  const match = /^p([0-3])$/i.exec(text.trim());
  if (match) item.priority = `P${match[1]}` as ImportedActionItem['priority'];
  else item['x-priority'] = text;
}
