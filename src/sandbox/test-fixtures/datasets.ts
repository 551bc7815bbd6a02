// Tiny stand-ins for the site's datasets, with the defects the lessons teach.
export const DATASETS: Record<string, string> = {
  'trips.csv': [
    'trip_id,city,fare,status,requested_at',
    '1,Seoul,12.5,completed,2024-03-01 08:00',
    '2,Busan,-3,completed,2024-03-01 08:05',
    '3,Seoul,20,cancelled,2024-03-01 08:07',
    '4,Seoul,7.25,completed,03/01/2024 08:09',
    '',
  ].join('\n'),
  'app_events.ndjson': [
    '{"user_id":1,"event":"open","platform":"ios"}',
    '{"user_id":null,"event":"open","platform":"android"}',
    '{"user_id":2,"event":"request_ride"',
    '{"user_id":2,"event":"click","platform":"ios"}',
    '',
  ].join('\n'),
  'server.log': [
    '2024-03-01T08:00:01Z GET /v1/trips 200 35ms user=1 req=a1',
    '2024-03-01T08:00:02Z POST /v1/trips 500 120ms user=2 req=a2',
    '',
  ].join('\n'),
};

export const DATASET_FILES = Object.keys(DATASETS);

export async function readDataset(file: string): Promise<string> {
  const text = DATASETS[file];
  if (text === undefined) throw new Error(`404 ${file}`);
  return text;
}
