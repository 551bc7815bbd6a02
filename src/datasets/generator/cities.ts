// The cities and the shape of demand. Numbers are tuned by eye so that a
// learner's first chart shows what the course talks about: a midnight peak,
// morning and evening rush hours, busy Friday and Saturday nights, and cities
// that differ.

export const CITIES = ['Seoul', 'Busan', 'Incheon', 'Daegu', 'Daejeon', 'Gwangju'] as const;
export type City = (typeof CITIES)[number];

export interface CityProfile {
  /** Share of demand. */
  weight: number;
  /** How strongly the late-night hours (22-02) pull above the base curve. */
  nightlife: number;
  /** How strongly commute hours pull above the base curve. */
  commute: number;
  /** Multiplier on Saturday and Sunday demand. */
  weekend: number;
  /** Median trip length in km. */
  medianKm: number;
  /** Typical road speed in km/h outside rush hour. */
  speedKmh: number;
}

export const CITY_PROFILES: Readonly<Record<City, CityProfile>> = {
  Seoul: { weight: 0.48, nightlife: 1.35, commute: 1.2, weekend: 1.0, medianKm: 5.2, speedKmh: 22 },
  Busan: { weight: 0.17, nightlife: 1.15, commute: 0.9, weekend: 1.35, medianKm: 5.8, speedKmh: 27 },
  Incheon: { weight: 0.13, nightlife: 0.9, commute: 1.25, weekend: 0.9, medianKm: 6.5, speedKmh: 30 },
  Daegu: { weight: 0.09, nightlife: 1.0, commute: 1.0, weekend: 1.1, medianKm: 4.6, speedKmh: 28 },
  Daejeon: { weight: 0.07, nightlife: 0.75, commute: 1.1, weekend: 0.85, medianKm: 4.4, speedKmh: 30 },
  Gwangju: { weight: 0.06, nightlife: 0.95, commute: 0.95, weekend: 1.05, medianKm: 4.2, speedKmh: 29 },
};

/** Relative ride requests by local hour on a weekday, before city effects. */
const BASE_HOURLY = [
  1.45, 1.1, 0.65, 0.35, 0.22, 0.28, 0.55, 1.05, 1.4, 0.95, 0.7, 0.72, //
  0.85, 0.72, 0.7, 0.78, 0.9, 1.15, 1.45, 1.25, 1.05, 1.1, 1.35, 1.7,
] as const;

const NIGHT_HOURS = new Set([22, 23, 0, 1, 2]);
const COMMUTE_HOURS = new Set([7, 8, 9, 17, 18, 19]);

/** Monday..Sunday. */
const WEEKDAY_FACTOR = [0.88, 0.9, 0.95, 1.0, 1.22, 1.3, 0.98] as const;

/**
 * Drivers online by local hour: flatter than demand and thin after midnight,
 * which is what makes late nights surge.
 */
const SUPPLY_HOURLY = [
  0.95, 0.75, 0.5, 0.35, 0.3, 0.35, 0.6, 1.05, 1.3, 1.1, 0.95, 0.95, //
  1.0, 0.95, 0.95, 1.0, 1.05, 1.2, 1.35, 1.25, 1.1, 1.05, 1.05, 1.1,
] as const;

/**
 * Demand weight for one (city, weekday, hour) cell of the week.
 * Night hours after midnight belong to the previous evening, so Friday's party
 * shows up in Saturday 00-02.
 */
export function demandWeight(city: City, weekday: number, hour: number): number {
  const p = CITY_PROFILES[city];
  let w = BASE_HOURLY[hour]!;
  const nightOf = hour <= 2 ? (weekday + 6) % 7 : weekday;
  if (NIGHT_HOURS.has(hour)) {
    w *= p.nightlife;
    if (nightOf === 4 || nightOf === 5) w *= 1.35;
  }
  const weekend = weekday >= 5;
  if (COMMUTE_HOURS.has(hour)) w *= weekend ? 0.7 : p.commute;
  let day = WEEKDAY_FACTOR[weekday]!;
  if (weekend) day *= p.weekend;
  return p.weight * w * day;
}

/**
 * How busy the market is: demand over supply, under 1 most of the time, above 1.5 at
 * the late-night peak. Drives waits, surge, no-driver trips and server latency.
 */
export function pressure(city: City, weekday: number, hour: number): number {
  const p = CITY_PROFILES[city];
  const demand = demandWeight(city, weekday, hour) / p.weight;
  return (0.78 * demand) / SUPPLY_HOURLY[hour]!;
}
