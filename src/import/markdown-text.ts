/**
 * Markdown nodes to the plain text an incident field holds: the words as
 * written (every text node verbatim, so no sentence is lost), inline code in
 * backticks, a link's target after its text, lists as `- item` lines,
 * tables as `cell | cell` rows, and code blocks as their code.
 *
 * @example
 * nodesToText(parseMarkdown('See [the status page](https://status.example).').children)
 * // → 'See the status page (https://status.example).'
 */
import type { Nodes, RootContent } from 'mdast';

export function nodesToText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => blockText(node))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** The text of one block (paragraph, list, table, code …). */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'list':
      return node.children.map((item, index) => `${node.ordered ? `${(node.start ?? 1) + index}.` : '-'} ${indentRest(listItemText(item))}`).join('\n');
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inlineText(cell.children)).join(' | ')).join('\n');
    case 'code':
      return node.value;
    case 'html':
      return node.value;
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return '';
    case 'heading':
    case 'paragraph':
    case 'tableCell':
      return inlineText(node.children);
    default:
      return 'children' in node ? nodesToText(node.children as RootContent[]) : 'value' in node ? String(node.value) : '';
  }
}

/** A list item's text, with its checkbox state left to the caller (`checked`). */
export function listItemText(item: Nodes): string {
  return 'children' in item ? nodesToText(item.children as RootContent[]) : blockText(item);
}

export function inlineText(nodes: readonly Nodes[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
        out += `\`${node.value}\``;
        break;
      case 'break':
        out += '\n';
        break;
      case 'link': {
        const label = inlineText(node.children);
        out += label === node.url || label === '' ? node.url : `${label} (${node.url})`;
        break;
      }
      case 'image':
        out += node.alt ? `${node.alt} (${node.url})` : node.url;
        break;
      case 'html':
        out += node.value;
        break;
      case 'footnoteReference':
        out += `[^${node.identifier}]`;
        break;
      default:
        out += 'children' in node ? inlineText(node.children as Nodes[]) : 'value' in node ? String(node.value) : '';
    }
  }
  return out;
}

function indentRest(text: string): string {
  return text.replace(/\n/g, '\n  ');
}
