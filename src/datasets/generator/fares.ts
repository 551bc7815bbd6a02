// The rate card. Fares follow distance, duration and surge, in Korean won,
// rounded to 100 won as the app shows them.

import type { VehicleType } from './types';

interface Rate {
  base: number;
  perKm: number;
  perMin: number;
}

export const RATES: Readonly<Record<VehicleType, Rate>> = {
  sedan: { base: 4800, perKm: 900, perMin: 150 },
  ev: { base: 4800, perKm: 850, perMin: 150 },
  suv: { base: 6500, perKm: 1200, perMin: 200 },
  van: { base: 7000, perKm: 1300, perMin: 200 },
  premium: { base: 9000, perKm: 1800, perMin: 300 },
};

/** Charged when a rider cancels more than five minutes after a driver accepted. */
export const CANCELLATION_FEE = 3000;
export const FREE_CANCEL_MS = 5 * 60_000;

export function round100(won: number): number {
  return Math.round(won / 100) * 100;
}

export function baseFare(vehicle: VehicleType, km: number, minutes: number): number {
  const r = RATES[vehicle];
  return round100(r.base + r.perKm * km + r.perMin * minutes);
}

export function surgedFare(base: number, surge: number): number {
  return round100(base * surge);
}

/** Fares above this are impossible on the rate card; the data has a few anyway. */
export const ABSURD_FARE = 1_000_000;
