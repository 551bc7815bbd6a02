import { describe, expect, it } from 'vitest';
import { fenceContent, findFences } from './fences';

const spans = (text: string) => findFences(text.split('\n')).map((f) => [f.open, f.close, f.marker, f.info]);

describe('findFences', () => {
  it('finds backtick and tilde fences with their info strings', () => {
    expect(spans('```sql id=a\nx\n```\n~~~js id=b\ny\n~~~')).toEqual([
      [0, 2, '```', 'sql id=a'],
      [3, 5, '~~~', 'js id=b'],
    ]);
  });

  it('closes a fence only with the same character, at least as long', () => {
    expect(spans('````sql\n```\n~~~~\n`````')).toEqual([[0, 3, '````', 'sql']]);
  });

  it('does not close a fence with a line that has an info string', () => {
    expect(spans('```md\n```sql id=x\n```')).toEqual([[0, 2, '```', 'md']]);
  });

  it('allows up to three spaces before a fence and trailing spaces after a closing fence', () => {
    expect(spans('   ```sql\nx\n  ```   ')).toEqual([[0, 2, '```', 'sql']]);
  });

  it('ignores four-space indented lines, which are indented code', () => {
    expect(spans('    ```sql\n    ```')).toEqual([]);
  });

  it('ignores inline code that starts a line, such as ```a```', () => {
    expect(spans('```a``` is inline code')).toEqual([]);
  });

  it('reports a fence that is never closed and stops there', () => {
    // "```js" has an info string, so it is content, not a closing fence.
    expect(spans('```sql\nx\n\n```js\n')).toEqual([[0, undefined, '```', 'sql']]);
    expect(spans('text\n~~~\nx')).toEqual([[1, undefined, '~~~', '']]);
  });

  it('returns the content without the fence lines, removing the fence indentation', () => {
    const lines = '  ```sql\n  SELECT 1;\n    FROM t\n  ```'.split('\n');
    expect(fenceContent(lines, findFences(lines)[0]!)).toEqual(['SELECT 1;', '  FROM t']);
  });
});
