// Tips for SQLite errors that leave a learner stuck because the message names
// the symptom, not the fix. Pure: the tip is data (a code and its params);
// the words are in a catalog (messages.en.ts), like feedback's.
//
// Patterns are unanchored because a JS cell's sql() error arrives wrapped
// ("line 3: near "DO": syntax error"). SQLite writes the object's kind and
// name as they stand in the schema, the name quoted as the learner quoted it,
// so both go into the DROP statement unchanged.
import { enTips } from './messages.en';

export type ErrorTip =
  /** CREATE of a name already in the schema; `kind` is the existing object's. */
  | { code: 'already-exists'; kind: 'table' | 'view' | 'index' | 'trigger'; name: string }
  /** INSERT … SELECT … FROM x ON CONFLICT: SQLite took the ON for a join constraint. */
  | { code: 'upsert-after-select' };

export type ErrorTipCode = ErrorTip['code'];

/** The words of each tip in one language, as a sentence of its own. */
export type ErrorTipCatalog = { readonly [C in ErrorTipCode]: (tip: Extract<ErrorTip, { code: C }>) => string };

interface Rule {
  message: RegExp;
  /**
   * What the code must contain for the tip to be right. A rule with one
   * gives no tip when the code is unknown (the plain error view has none).
   */
  code?: RegExp;
  tip: (match: RegExpMatchArray) => ErrorTip;
}

const NAME = '"(?:[^"]|"")*"|`(?:[^`]|``)*`|\\[[^\\]]*\\]|[^\\s"`[]+';

const RULES: readonly Rule[] = [
  {
    message: new RegExp(`\\b(table|view|index|trigger) (${NAME}) already exists`),
    tip: (m) => ({ code: 'already-exists', kind: m[1] as 'table' | 'view' | 'index' | 'trigger', name: m[2]! }),
  },
  {
    // "DO" is echoed as written, so any case. Only an upsert has DO, but the
    // fix holds only for INSERT … SELECT; with VALUES the ON cannot be a join's.
    message: /\bnear "do": syntax error/i,
    code: /\bINSERT\b[\s\S]*\bSELECT\b[\s\S]*\bON\s+CONFLICT\b/i,
    tip: () => ({ code: 'upsert-after-select' }),
  },
];

/** The tip for an error `message` of the learner's `code` (SQL, or JS calling sql()), if one applies. */
export function errorTip(message: string, code?: string): ErrorTip | undefined {
  for (const rule of RULES) {
    const match = message.match(rule.message);
    if (match === null) continue;
    if (rule.code !== undefined && (code === undefined || !rule.code.test(code))) continue;
    return rule.tip(match);
  }
  return undefined;
}

export function renderErrorTip(tip: ErrorTip, catalog: ErrorTipCatalog = enTips): string {
  return (catalog[tip.code] as (t: ErrorTip) => string)(tip);
}
