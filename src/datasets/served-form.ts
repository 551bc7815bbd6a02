// How the answer keys under datasets/answers/ travel to the browser. The built
// site does not serve them as files a learner can open and read: the build
// keeps only the answer files a lesson loads (registry entries marked hidden),
// stores each as <name>.key, its bytes XORed with a fixed key stream and
// base64-encoded, and the browser's reader decodes it before parsing.
//
// This is obfuscation, not secrecy: the decoder ships with the site, and once
// the capstone has loaded its ground truth, a query can read the table. It
// stops the casual look (opening the file from the address bar, a "view
// source" of the network panel); docs/offline.md says what is still visible.

const KEY = new TextEncoder().encode('workbench-answer-key:not-a-secret');

/** True for files kept out of plain sight. */
export function isAnswerFile(file: string): boolean {
  return file.startsWith('answers/');
}

/** The name a dataset file is served under. */
export function servedName(file: string): string {
  return isAnswerFile(file) ? `${file.replace(/\.[^./]+$/, '')}.key` : file;
}

export function encodeServed(file: string, bytes: Uint8Array): Uint8Array {
  if (!isAnswerFile(file)) return bytes;
  return new TextEncoder().encode(toBase64(xor(bytes)));
}

export function decodeServed(file: string, text: string): string {
  if (!isAnswerFile(file)) return text;
  return new TextDecoder().decode(xor(fromBase64(text.trim())));
}

function xor(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! ^ KEY[i % KEY.length]! ^ (i * 31) & 0xff;
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
