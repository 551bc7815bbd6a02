import { describe, expect, it } from 'vitest';
import { checkAttributes, parseInfoString, toAttrs } from './attributes';

describe('parseInfoString', () => {
  it('splits the language from key=value pairs and bare flags', () => {
    expect(parseInfoString('sql id=top-cities static')).toEqual({
      language: 'sql',
      attributes: [
        { key: 'id', value: 'top-cities' },
        { key: 'static', value: true },
      ],
      problems: [],
    });
  });

  it('reads double- and single-quoted values with spaces and escapes', () => {
    const { attributes, problems } = parseInfoString(`sql title="Top \\"ten\\" cities" note='a b'`);
    expect(problems).toEqual([]);
    expect(toAttrs(attributes)).toEqual({ title: 'Top "ten" cities', note: 'a b' });
  });

  it('treats a first word with = as an attribute of a fence without a language', () => {
    expect(parseInfoString('id=x')).toMatchObject({ language: '', attributes: [{ key: 'id', value: 'x' }] });
  });

  it('reports an unclosed quote but keeps the value read so far', () => {
    const info = parseInfoString('sql id="top');
    expect(info.attributes).toEqual([{ key: 'id', value: 'top' }]);
    expect(info.problems).toEqual([expect.stringContaining('never closes')]);
  });

  it('reports a key with no value, a key given twice and a token that is no attribute', () => {
    expect(parseInfoString('sql id= x=1 x=2 {.cls}').problems).toEqual([
      expect.stringContaining("'id=' has no value"),
      expect.stringContaining("'x' is given twice"),
      expect.stringContaining("'{.cls}' is not an attribute"),
    ]);
  });
});

describe('checkAttributes', () => {
  const check = (info: string) => {
    const { language, attributes } = parseInfoString(info);
    return checkAttributes(language as 'sql', attributes);
  };

  it('accepts id and static on every cell language', () => {
    expect(check('sql id=a static')).toEqual([]);
    expect(check('js id=a')).toEqual([]);
    expect(check('chart id=a')).toEqual([]);
  });

  it('names the allowed attributes and suggests the closest one for an unknown one', () => {
    expect(check('sql id=a statc')).toEqual([
      "unknown attribute 'statc' on a sql fence — did you mean 'static'? (sql fences accept: id, static, exercise, solution, for)",
    ]);
  });

  it('rejects attribute names that exist on every object, such as constructor', () => {
    expect(check('sql id=a constructor=x toString')).toHaveLength(2);
  });

  it('suggests id= for a lone word on a fence without an id', () => {
    expect(check('sql top-cities')).toEqual([expect.stringContaining('did you mean id=top-cities?')]);
  });

  it('reports a flag given a value and a value given as a flag', () => {
    expect(check('sql id static=yes')).toEqual([
      "'id' needs a value — write id=some-name",
      "'static' is a flag and takes no value — write just static",
    ]);
  });

  it('checks the id syntax', () => {
    expect(check('sql id=Top_Cities')).toEqual([expect.stringContaining('e.g. id=top-cities')]);
    expect(check('sql id=md-1')).toEqual([expect.stringContaining('reserved for prose cells')]);
  });
});
