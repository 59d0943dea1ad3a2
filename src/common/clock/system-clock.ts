import { Clock } from '../../core/clock';

/** Wall-clock time: the production clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
