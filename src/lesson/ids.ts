// Ids end up in URLs (#/lessons/<id>), accessible region names and saved-work keys,
// so they are restricted to a form that is safe in all three without escaping.

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Prose cells get `md-1`, `md-2`, ...; code cells may not take these names. */
const RESERVED = /^md-\d+$/;

export function isKebabCase(id: string): boolean {
  return KEBAB.test(id);
}

/**
 * A best-effort kebab-case version of `text`, offered as the fix in messages.
 * `lead` is put in front when the text starts with a digit ("2nd-query" becomes
 * "cell-2nd-query"), which keeps the author's words rather than dropping them.
 */
export function toKebabCase(text: string, lead = 'cell'): string {
  const joined = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .join('-');
  if (joined === '') return 'some-name';
  return /^[0-9]/.test(joined) ? `${lead}-${joined}` : joined;
}

/** Why `id` cannot be a cell id, phrased as a fix, or undefined when it is fine. */
export function cellIdProblem(id: string): string | undefined {
  if (!isKebabCase(id)) {
    return `cell id '${id}' is not kebab-case — use lowercase letters, digits and single hyphens, starting with a letter, e.g. id=${toKebabCase(id)}`;
  }
  if (RESERVED.test(id)) {
    return `cell id '${id}' is reserved for prose cells (md-1, md-2, ...) — pick another name`;
  }
  return undefined;
}
