// The records the generator produces before they are written as text.
// Times are epoch milliseconds (UTC); nulls are values the source leaves empty.

import type { City } from './cities';

export type Platform = 'ios' | 'android' | 'web';
export type Channel = 'organic' | 'referral' | 'search_ads' | 'tiktok' | 'youtube' | 'instagram';
export type VehicleType = 'sedan' | 'ev' | 'suv' | 'van' | 'premium';
export type DriverStatus = 'active' | 'inactive' | 'suspended';
export type PaymentMethod = 'card' | 'wallet' | 'cash' | 'corporate';
export type TripStatus = 'completed' | 'cancelled_by_rider' | 'cancelled_by_driver' | 'no_driver';
export type UserType = 'rider' | 'driver';

export interface Rider {
  rider_id: string;
  name: string;
  email: string;
  phone: string;
  city: City;
  platform: Platform;
  signup_at: number;
  acquisition_channel: Channel;
}

export interface Driver {
  driver_id: string;
  name: string;
  city: City;
  vehicle_type: VehicleType;
  joined_at: number;
  status: DriverStatus;
}

/** One change to a profile, as a change-data-capture feed would carry it. */
export interface ProfileChange {
  change_id: string;
  user_id: string;
  user_type: UserType;
  field: 'email' | 'phone' | 'city' | 'vehicle_type' | 'status';
  old_value: string;
  new_value: string;
  changed_at: number;
}

export interface Trip {
  trip_id: string;
  rider_id: string;
  driver_id: string | null;
  city: City;
  requested_at: number;
  accepted_at: number | null;
  pickup_at: number | null;
  dropoff_at: number | null;
  cancelled_at: number | null;
  status: TripStatus;
  distance_km: number | null;
  duration_min: number | null;
  base_fare: number | null;
  surge_multiplier: number;
  fare: number;
  tip: number | null;
  payment_method: PaymentMethod;
  rating_by_rider: number | null;
  rating_by_driver: number | null;
}

export type EventName = 'app_open' | 'screen_view' | 'button_click' | 'app_error';
export type PropertyValue = string | number | boolean | null;

export interface AppEvent {
  event_id: string;
  ts: number;
  user_id: string;
  user_type: UserType;
  session_id: string;
  event: EventName;
  screen: string;
  properties: Record<string, PropertyValue>;
  platform: Platform;
  app_version: string;
}

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';
export type HttpMethod = 'GET' | 'POST';

export interface ServerRecord {
  ts: number;
  level: LogLevel;
  method: HttpMethod;
  path: string;
  status: number;
  latency_ms: number;
  /** null for requests no user made (health checks). */
  user_id: string | null;
  request_id: string;
  /** Only on WARN and ERROR records. */
  message: string | null;
}

export type TicketChannel = 'email' | 'phone' | 'chat';

export interface Ticket {
  ticket_id: string;
  user_id: string;
  created_at: number;
  channel: TicketChannel;
  category: string;
  body: string;
  satisfaction: number | null;
}

export interface Assignment {
  user_id: string;
  experiment: string;
  variant: 'control' | 'treatment';
  assigned_at: number;
}
