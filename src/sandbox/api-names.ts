/** The names the learner's code sees as its API, in parameter order. */
export const API_NAMES = ['extract', 'sql', 'load', 'display', 'console'] as const;

/** The parameter list as the Function constructor joins it. */
export const API_PARAMS = API_NAMES.join(',');
