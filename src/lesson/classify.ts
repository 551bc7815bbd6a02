import { CELL_LANGUAGES, type CellAttrs, type CodeCellKind } from './types';
import type { Fence } from './fences';
import { bareIdGuess, checkAttributes, isCellLanguage, parseInfoString, toAttrs } from './attributes';
import { closest } from './suggest';

// Decides what a fence is: a runnable cell or part of the prose. This is the one
// place a new role (an exercise's `solution for=...` companion, say) gets added.

export type FenceRole =
  | { role: 'prose' }
  /** A runnable cell; `id` is undefined when the fence lacks one (already reported). */
  | { role: 'cell'; kind: CodeCellKind; id: string | undefined; attrs: CellAttrs };

export interface Classified {
  role: FenceRole;
  /** Messages about the opening fence line. */
  problems: string[];
}

/** Names authors reach for that mean a cell language. */
const LANGUAGE_ALIASES: Readonly<Record<string, CodeCellKind>> = {
  javascript: 'js',
  mjs: 'js',
  sqlite: 'sql',
};

const PROSE: FenceRole = { role: 'prose' };

export function classifyFence(fence: Fence): Classified {
  const info = parseInfoString(fence.info);
  const { language } = info;
  const opening = `${fence.marker}${language}`;

  if (!isCellLanguage(language)) {
    return { role: PROSE, problems: nearMissProblems(fence, language, info.attributes.some((a) => a.key === 'id')) };
  }

  const problems = [...info.problems, ...checkAttributes(language, info.attributes)];
  const attrs = toAttrs(info.attributes);
  if (attrs['static'] === true) return { role: PROSE, problems };

  if (fence.indent > 0) {
    problems.push(
      `a ${language} cell fence must start at the beginning of the line — remove the ${fence.indent === 1 ? 'space' : `${fence.indent} spaces`} before ${fence.marker}, or add static to show it as an example`,
    );
    return { role: PROSE, problems };
  }

  const id = attrs['id'];
  // When a bare word looks like the id, the attribute message already says "did you mean id=...".
  if (!('id' in attrs) && bareIdGuess(language, info.attributes) === undefined) {
    problems.push(`${language} cell has no id — add id=some-name after ${opening} (or add static to show it as an example)`);
  }
  return { role: { role: 'cell', kind: language, id: typeof id === 'string' ? id : undefined, attrs }, problems };
}

/**
 * A fence in another language is prose, but `SQL` or `javascript id=x` almost
 * certainly meant a cell; silently showing it as text would hide the mistake.
 */
function nearMissProblems(fence: Fence, language: string, hasId: boolean): string[] {
  if (language === '') {
    return hasId ? [`this fence has an id but no language — write ${fence.marker}sql, ${fence.marker}js or ${fence.marker}chart before the attributes`] : [];
  }
  const lower = language.toLowerCase();
  const caseSlip = isCellLanguage(lower);
  if (!caseSlip && !hasId) return [];
  const meant = caseSlip ? lower : LANGUAGE_ALIASES[lower] ?? closest(lower, CELL_LANGUAGES);
  const fix =
    meant === undefined
      ? `cell languages are ${CELL_LANGUAGES.join(', ')}`
      : `write ${fence.marker}${meant} id=some-name for a cell, or ${fence.marker}${meant} static for an example`;
  return [`'${language}' is not a cell language, so this block would only be shown as text — ${fix}`];
}
