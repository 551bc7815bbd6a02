// Name pools for people in the data. Romanized Korean names, with a few
// residents from elsewhere; e-mail addresses use reserved example domains so
// no real mailbox is ever named.

import type { Rng } from './random';

const FAMILY: Readonly<Record<string, number>> = {
  Kim: 21, Lee: 15, Park: 8, Choi: 5, Jung: 4, Kang: 2.5, Cho: 2, Yoon: 2, Jang: 2, Lim: 2,
  Han: 1.5, Oh: 1.5, Seo: 1.3, Shin: 1.3, Kwon: 1.2, Hwang: 1.2, Ahn: 1.1, Song: 1, Yoo: 1, Hong: 0.9,
};

const GIVEN = [
  'Minjun', 'Seoyeon', 'Jiwoo', 'Hayoon', 'Doyun', 'Seojun', 'Jiho', 'Eunwoo', 'Siwoo', 'Jimin',
  'Yuna', 'Sua', 'Jiyu', 'Seoa', 'Haeun', 'Junseo', 'Hyunwoo', 'Dohyun', 'Jihoon', 'Yejun',
  'Soyeon', 'Minseo', 'Chaewon', 'Dain', 'Yerin', 'Taeyang', 'Sungmin', 'Hyejin', 'Jaehyun', 'Eunji',
  'Kyungho', 'Mijin', 'Sanghoon', 'Younghee', 'Cheolsu', 'Boram', 'Nari', 'Wonho', 'Inseo', 'Gaeun',
] as const;

const ELSEWHERE = [
  'Daniel Moore', 'Emily Carter', 'Nguyen Van An', 'Tran Thi Mai', 'Aziz Karimov', 'Maria Santos',
  'James Wilson', 'Chen Wei', 'Sato Yuki', 'Olivia Brown', 'Ivan Petrov', 'Ana Lima',
] as const;

const DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'] as const;

export function personName(rng: Rng): string {
  if (rng.chance(0.04)) return rng.pick(ELSEWHERE);
  return `${rng.weighted(FAMILY)} ${rng.pick(GIVEN)}`;
}

export function emailFor(name: string, rng: Rng): string {
  const parts = name.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean);
  const local = rng.chance(0.5) ? parts.slice().reverse().join('.') : parts.join('');
  return `${local}${rng.int(1, 999)}@${rng.pick(DOMAINS)}`;
}

/** Korean mobile numbers in the one format the app database normalises to. */
export function phoneNumber(rng: Rng): string {
  const a = String(rng.int(0, 9999)).padStart(4, '0');
  const b = String(rng.int(0, 9999)).padStart(4, '0');
  return `010-${a}-${b}`;
}
