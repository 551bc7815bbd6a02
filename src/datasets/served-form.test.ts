import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeServed, encodeServed, servedName } from './served-form';

describe('served form of answer files', () => {
  const truth = readFileSync(new URL('../../datasets/answers/ticket_trips.csv', import.meta.url));

  it('renames answer files and leaves the learners\' files alone', () => {
    expect(servedName('answers/ticket_trips.csv')).toBe('answers/ticket_trips.key');
    expect(servedName('trips.csv')).toBe('trips.csv');
    expect(encodeServed('trips.csv', truth)).toBe(truth);
  });

  it('serves the ground truth in a form that does not read as the answer key', () => {
    const served = new TextDecoder().decode(encodeServed('answers/ticket_trips.csv', truth));
    const text = truth.toString('utf8');
    const someRow = text.split('\n')[5]!;
    expect(served).not.toContain('ticket_id');
    expect(served).not.toContain(someRow.split(',')[2]!);
    expect(decodeServed('answers/ticket_trips.csv', served)).toBe(text);
  });
});
