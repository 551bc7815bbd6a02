// Customer-support tickets. Each one is written after a real trip of its user,
// more often after a bad one (an absurd fare, a crash, a long wait, a rude
// driver). Which trip it is about is kept apart as ground truth, because the
// "bad rides" capstone asks learners to recover it; usually it is the user's
// latest trip before the ticket, but not always.

import { sequentialId, idWidth } from './ids';
import type { Rng } from './random';
import { ABSURD_FARE } from './fares';
import { DAY, HOUR, MINUTE, LOCAL_OFFSET_MS, localHour } from './time';
import type { TripFacts } from './trips';
import type { Ticket, TicketChannel } from './types';

export interface TicketTruth {
  ticket_id: string;
  user_id: string;
  trip_id: string;
  /** The user's latest trip requested before the ticket: the capstone's stated assumption. */
  latest_trip_before_ticket: string;
  /** 1 when the assumption holds for this ticket. */
  is_latest_trip: number;
}

type Cause =
  | 'absurd_fare' | 'cancellation_fee' | 'driver_behavior' | 'safety' | 'app_issue' | 'long_wait'
  | 'surge' | 'lost_item' | 'double_charge' | 'rider_behavior' | 'unpaid_cash' | 'wasted_trip';

const CATEGORY: Readonly<Record<Cause, string>> = {
  absurd_fare: 'fare_dispute', surge: 'fare_dispute', cancellation_fee: 'cancellation_fee', driver_behavior: 'driver_behavior',
  safety: 'safety', app_issue: 'app_issue', long_wait: 'long_wait', lost_item: 'lost_item', double_charge: 'payment',
  rider_behavior: 'rider_behavior', unpaid_cash: 'payment', wasted_trip: 'cancellation_fee',
};

/** The first cause that fires for this trip, from the rider's or the driver's side, or null. */
function causeOf(f: TripFacts, rng: Rng): { cause: Cause; byDriver: boolean } | null {
  const t = f.trip;
  const done = t.status === 'completed';
  const rider: [boolean, number, Cause][] = [
    [t.fare > ABSURD_FARE, 0.6, 'absurd_fare'],
    [f.cancelFee, 0.12, 'cancellation_fee'],
    [done && t.rating_by_rider !== null && t.rating_by_rider <= 2, 0.14, rng.chance(0.12) ? 'safety' : 'driver_behavior'],
    [f.sessionError, 0.05, 'app_issue'],
    [done && (f.waitMin ?? 0) > 12, 0.035, 'long_wait'],
    [done && t.surge_multiplier >= 2, 0.025, 'surge'],
    [done, 0.004, 'lost_item'],
    [done && t.payment_method === 'card', 0.0015, 'double_charge'],
  ];
  for (const [when, p, cause] of rider) {
    if (when && !f.rider.deleted && rng.chance(p)) return { cause, byDriver: false };
  }
  const driver: [boolean, number, Cause][] = [
    [done && t.rating_by_driver !== null && t.rating_by_driver <= 2, 0.15, 'rider_behavior'],
    [done && t.payment_method === 'cash', 0.004, 'unpaid_cash'],
    [t.status === 'cancelled_by_rider' && t.accepted_at !== null && (f.waitMin ?? 0) > 8, 0.02, 'wasted_trip'],
  ];
  for (const [when, p, cause] of driver) if (when && f.driver && rng.chance(p)) return { cause, byDriver: true };
  return null;
}

const CITY_KO: Readonly<Record<string, string>> = {
  Seoul: '서울', Busan: '부산', Incheon: '인천', Daegu: '대구', Daejeon: '대전', Gwangju: '광주',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ITEMS: readonly [string, string][] = [
  ['umbrella', '우산'], ['wallet', '지갑'], ['AirPods', '에어팟'], ['laptop bag', '노트북 가방'], ["child's backpack", '아이 가방'], ['phone', '휴대폰'],
];

// Not toLocaleString: its output depends on the ICU data a runtime ships.
const won = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function partOfDay(hour: number): string {
  if (hour < 5) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

/** "this morning", "last night", "on March 12": how people refer to a ride in a complaint. */
function whenPhrase(tripMs: number, ticketMs: number, korean: boolean): string {
  const dayOf = (ms: number): number => Math.floor((ms + LOCAL_OFFSET_MS) / DAY);
  const diff = dayOf(ticketMs) - dayOf(tripMs);
  const part = partOfDay(localHour(tripMs));
  const date = new Date(tripMs + LOCAL_OFFSET_MS);
  if (korean) {
    const ko: Record<string, string> = { night: '새벽', morning: '아침', afternoon: '오후', evening: '저녁' };
    if (diff === 0) return `오늘 ${ko[part]}`;
    if (diff === 1) return `어제 ${ko[part]}`;
    return `${date.getUTCMonth() + 1}월 ${date.getUTCDate()}일`;
  }
  if (diff === 0) return part === 'night' ? 'last night' : `this ${part}`;
  if (diff === 1) return part === 'evening' || part === 'night' ? 'last night' : `yesterday ${part}`;
  return `on ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

interface Slots {
  when: string;
  city: string;
  fare: string;
  km: string;
  wait: string;
  surge: string;
  version: string;
  rating: string;
  item: string;
}

const ENGLISH: Readonly<Record<Cause, readonly ((s: Slots) => string)[]>> = {
  absurd_fare: [
    (s) => `I was charged ${s.fare} won for a ${s.km} km ride in ${s.city} ${s.when}. That can't be right, please refund it NOW.`,
    (s) => `Hello,\nmy card shows ${s.fare} won for the ride ${s.when}. It was a short trip, ${s.km} km.\nPlease check, this must be a bug.`,
  ],
  surge: [
    (s) => `Why was my fare ${s.fare} won ${s.when}? Surge was ${s.surge}x and nobody warned me it would be "that" expensive.`,
    (s) => `Price gouging. ${s.fare} won for ${s.km} km in ${s.city}, ${s.when}.`,
  ],
  cancellation_fee: [
    (s) => `You charged me a cancellation fee ${s.when}. The car didn't move for ${s.wait} minutes, so I cancelled. Remove the fee, please.`,
    (s) => `Cancellation fee again?! I waited ${s.wait} min in ${s.city} ${s.when}.`,
  ],
  driver_behavior: [
    (s) => `The driver ${s.when} was rude and drove way too fast. I gave ${s.rating} star(s).`,
    (s) => `Driver took a strange route, and the car smelled of smoke. Ride in ${s.city} ${s.when}.`,
  ],
  safety: [(s) => `I felt unsafe during my ride ${s.when}. The driver was on the phone the whole time, on the highway.`],
  app_issue: [
    (s) => `The app crashed while I was waiting for my car ${s.when} (version ${s.version}). The map never loaded.`,
    (s) => `App froze on the trip screen ${s.when}, I couldn't see where the driver was. Using ${s.version}.`,
  ],
  long_wait: [(s) => `Waited ${s.wait} minutes for a car in ${s.city} ${s.when}. The app kept saying 3 minutes.`],
  lost_item: [(s) => `I left my ${s.item} in the car ${s.when}. Can you contact the driver please?`],
  double_charge: [(s) => `My card was charged twice for the ride ${s.when}, ${s.fare} won each time.`],
  rider_behavior: [(s) => `Rider ${s.when} was drunk and shouting, and left a mess in the back seat. I want the cleaning paid.`],
  unpaid_cash: [(s) => `Rider said they would pay cash ${s.when} and walked off without paying ${s.fare} won.`],
  wasted_trip: [(s) => `I drove ${s.wait} minutes to the pickup ${s.when} and the rider cancelled. I got nothing for it.`],
};

const KOREAN: Partial<Readonly<Record<Cause, (s: Slots) => string>>> = {
  absurd_fare: (s) => `${s.when} ${s.city}에서 ${s.km}km 탔는데 요금이 ${s.fare}원 나왔습니다. 확인 부탁드립니다.`,
  surge: (s) => `${s.when} 요금이 ${s.fare}원이나 나왔어요. 할증 ${s.surge}배라니 너무 비쌉니다.`,
  app_issue: (s) => `차 기다리는 동안 앱이 계속 꺼져요. 지도가 안 떠서 기사님 위치를 못 봤어요. (버전 ${s.version})`,
  long_wait: (s) => `${s.when} ${s.wait}분이나 기다렸어요. 3분이면 온다더니요.`,
  driver_behavior: (s) => `${s.when} 기사님이 너무 불친절하고 난폭 운전을 했습니다.`,
  cancellation_fee: (s) => `기사님이 안 오셔서 취소했는데 취소 수수료가 부과됐어요. ${s.wait}분 기다렸습니다. 환불해 주세요.`,
  lost_item: (s) => `${s.when} 차에 ${s.item}을 두고 내렸어요. 기사님께 연락 부탁드려요.`,
};

function channelFor(cause: Cause, rng: Rng): TicketChannel {
  if (cause === 'safety') return rng.chance(0.7) ? 'phone' : 'chat';
  if (cause === 'app_issue') return rng.chance(0.7) ? 'chat' : 'email';
  return rng.weighted({ email: 0.4, chat: 0.45, phone: 0.15 });
}

function bodyFor(f: TripFacts, cause: Cause, channel: TicketChannel, createdAt: number, rng: Rng): string {
  const t = f.trip;
  const korean = channel !== 'phone' && !!KOREAN[cause] && rng.chance(0.15);
  const item = rng.pick(ITEMS);
  const slots: Slots = {
    when: whenPhrase(t.requested_at, createdAt, korean),
    city: korean ? CITY_KO[t.city]! : t.city,
    fare: won(Math.abs(t.fare)),
    km: (t.distance_km ?? 0).toFixed(1),
    wait: String(Math.max(1, Math.round(f.waitMin ?? 0))),
    surge: t.surge_multiplier.toFixed(1),
    version: f.appVersion,
    rating: String(t.rating_by_rider ?? 1),
    item: korean ? item[1] : item[0],
  };
  let body = korean ? KOREAN[cause]!(slots) : rng.pick(ENGLISH[cause])(slots);
  if (rng.chance(0.08)) body += korean ? ` (운행 번호 ${t.trip_id})` : ` (trip ${t.trip_id})`;
  if (channel === 'phone') {
    body = `Call note: customer says: ${body.replaceAll('\n', ' ')}\nAgent: apologised, ${rng.pick(['refund requested', 'escalated to tier 2', 'promised a call back', 'sent a coupon'])}.`;
  }
  return body;
}

function satisfactionFor(cause: Cause, rng: Rng): number | null {
  if (rng.chance(0.35)) return null;
  const hard = cause === 'absurd_fare' || cause === 'app_issue' || cause === 'cancellation_fee' || cause === 'wasted_trip';
  return Math.min(5, Math.max(1, Math.round(3.3 + rng.normal() * 1.2 - (hard ? 0.7 : 0))));
}

/** Trips grouped by user (rider and driver ids), each list in request order. */
function tripsByUser(facts: readonly TripFacts[]): Map<string, TripFacts[]> {
  const out = new Map<string, TripFacts[]>();
  const add = (id: string, f: TripFacts): void => {
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  };
  for (const f of facts) {
    add(f.trip.rider_id, f);
    if (f.trip.driver_id) add(f.trip.driver_id, f);
  }
  return out;
}

function latestBefore(list: readonly TripFacts[], t: number): TripFacts {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.trip.requested_at < t) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1]!;
}

export function makeTickets(facts: readonly TripFacts[], windowEnd: number, rng: Rng): { tickets: Ticket[]; truth: TicketTruth[] } {
  const drafts: { ticket: Omit<Ticket, 'ticket_id'>; fact: TripFacts }[] = [];
  for (const f of facts) {
    const hit = causeOf(f, rng);
    if (!hit) continue;
    const t = f.trip;
    const end = t.dropoff_at ?? t.cancelled_at ?? t.requested_at;
    const delay = Math.min(5 * DAY, Math.max(4 * MINUTE, rng.lognormal(3 * HOUR, 1.1)));
    const created_at = Math.floor((end + delay) / 1000) * 1000;
    if (created_at >= windowEnd) continue; // not written yet when the data was exported
    const channel = channelFor(hit.cause, rng);
    drafts.push({
      fact: f,
      ticket: {
        user_id: hit.byDriver ? t.driver_id! : t.rider_id,
        created_at,
        channel,
        category: CATEGORY[hit.cause],
        body: bodyFor(f, hit.cause, channel, created_at, rng),
        satisfaction: satisfactionFor(hit.cause, rng),
      },
    });
  }
  drafts.sort((a, b) => a.ticket.created_at - b.ticket.created_at || (a.fact.trip.trip_id < b.fact.trip.trip_id ? -1 : 1));
  const byUser = tripsByUser(facts);
  const width = idWidth(drafts.length, 5);
  const tickets: Ticket[] = [];
  const truth: TicketTruth[] = [];
  drafts.forEach(({ ticket, fact }, i) => {
    const ticket_id = sequentialId('cs_', i + 1, width);
    tickets.push({ ticket_id, ...ticket });
    const latest = latestBefore(byUser.get(ticket.user_id)!, ticket.created_at);
    truth.push({
      ticket_id,
      user_id: ticket.user_id,
      trip_id: fact.trip.trip_id,
      latest_trip_before_ticket: latest.trip.trip_id,
      is_latest_trip: latest === fact ? 1 : 0,
    });
  });
  return { tickets, truth };
}
