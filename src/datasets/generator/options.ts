// What to generate. The lesson set in datasets/ is LESSON_SET; larger sizes
// for lessons about scale come from scaledOptions().

export interface DefectPlan {
  duplicateEvents: number;
  missingUserIds: number;
  malformedJsonLines: number;
  lateEvents: number;
  outOfOrderEvents: number;
  /** Timestamps written as epoch milliseconds (old Android SDK). */
  epochMsTimestamps: number;
  /** Timestamps written with the +09:00 local offset (iOS). */
  localOffsetTimestamps: number;
  /** Timestamps written as local wall-clock time with no zone (web). */
  naiveLocalTimestamps: number;
  truncatedLogLines: number;
  negativeFares: number;
  absurdFares: number;
  /** Riders who deleted their account; their trips stay and point at nobody. */
  deletedRiders: number;
  mixedPhoneFormats: number;
}

export interface GeneratorOptions {
  seed: number;
  /** First local (Asia/Seoul) day of the ride window, YYYY-MM-DD. */
  startDate: string;
  days: number;
  /** Riders in riders.csv (deleted riders come on top). */
  riders: number;
  drivers: number;
  trips: number;
  /** Make app events and server log records, not only the app database. */
  events: boolean;
  defects: DefectPlan;
  /**
   * Plant the cases the lesson set happens not to contain (variant.ts turns
   * them on): an event sent three times, two late events on adjacent lines, a
   * rider and a driver who each move city twice, a fare of exactly
   * 1,000,000, and a tie between the 10th and 11th highest fares.
   */
  edgeCases?: boolean;
}

export const NO_DEFECTS: DefectPlan = {
  duplicateEvents: 0,
  missingUserIds: 0,
  malformedJsonLines: 0,
  lateEvents: 0,
  outOfOrderEvents: 0,
  epochMsTimestamps: 0,
  localOffsetTimestamps: 0,
  naiveLocalTimestamps: 0,
  truncatedLogLines: 0,
  negativeFares: 0,
  absurdFares: 0,
  deletedRiders: 0,
  mixedPhoneFormats: 0,
};

// Odd counts on purpose: a learner who guesses a round number is told to look again.
export const LESSON_SET: GeneratorOptions = {
  seed: 20240304,
  startDate: '2024-03-04',
  days: 56,
  riders: 2000,
  drivers: 300,
  trips: 20000,
  events: true,
  defects: {
    duplicateEvents: 287,
    missingUserIds: 143,
    malformedJsonLines: 37,
    lateEvents: 96,
    outOfOrderEvents: 211,
    epochMsTimestamps: 164,
    localOffsetTimestamps: 118,
    naiveLocalTimestamps: 73,
    truncatedLogLines: 52,
    negativeFares: 23,
    absurdFares: 11,
    deletedRiders: 17,
    mixedPhoneFormats: 61,
  },
};

export const MIN_SCALED_TRIPS = 100_000;
export const MAX_SCALED_TRIPS = 5_000_000;

/**
 * Options for a larger, clean data set: riders and drivers grow with trips so
 * each person's activity looks like the lesson set's.
 */
export function scaledOptions(trips: number, seed = LESSON_SET.seed, events = true): GeneratorOptions {
  return {
    seed,
    startDate: LESSON_SET.startDate,
    days: LESSON_SET.days,
    riders: Math.max(LESSON_SET.riders, Math.round(trips / 10)),
    drivers: Math.max(LESSON_SET.drivers, Math.round(trips / 66)),
    trips,
    events,
    defects: NO_DEFECTS,
  };
}
