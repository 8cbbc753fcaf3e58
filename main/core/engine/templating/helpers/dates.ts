import { format } from 'date-fns';
import { scope } from '../scope';
import { fromSafe, type HelperFn, type Options } from './common';

const ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSxxx";
const FORMAT_OPTIONS = { useAdditionalWeekYearTokens: true, useAdditionalDayOfYearTokens: true };

/** date-fns' format (Mockoon's tokens); an invalid date or format is the template's error. */
const formatDate = (date: Date, pattern: string): string => format(date, pattern, FORMAT_OPTIONS);

const toInt = (v: unknown): number => parseInt(String(fromSafe(v)), 10);

/** Dates (Mockoon's now, date, dateFormat, dateTimeShift), formatted with date-fns tokens, in the server's time zone. */
export const dateHelpers: Record<string, HelperFn> = {
  now: (pattern) => formatDate(new Date(), typeof pattern === 'string' ? pattern : ISO),
  date(...args) {
    const from = fromSafe(args[0]);
    const to = fromSafe(args[1]);
    if (args.length >= 3 && typeof from === 'string' && typeof to === 'string') {
      const d = scope().faker.date.between({ from, to });
      if (args.length === 4 && typeof args[2] === 'string') return formatDate(d, args[2]);
      return d.toString();
    }
    return '';
  },
  dateFormat(...args) {
    const raw = fromSafe(args[0]);
    const date = typeof raw === 'string' ? new Date(raw) : raw;
    const pattern = fromSafe(args[1]);
    if (args.length < 2 || !(date instanceof Date) || typeof pattern !== 'string') return '';
    return formatDate(date, pattern);
  },
  dateTimeShift(options) {
    const hash = (options as Options | undefined)?.hash ?? {};
    const date = fromSafe(hash['date']);
    const pattern = fromSafe(hash['format']);
    const d = date === undefined ? new Date() : typeof date === 'string' ? new Date(date) : new Date(date as Date);
    const days = toInt(hash['days']);
    const months = toInt(hash['months']);
    const years = toInt(hash['years']);
    const hours = toInt(hash['hours']);
    const minutes = toInt(hash['minutes']);
    const seconds = toInt(hash['seconds']);
    if (!isNaN(days)) d.setDate(d.getDate() + days);
    if (!isNaN(months)) d.setMonth(d.getMonth() + months);
    if (!isNaN(years)) d.setFullYear(d.getFullYear() + years);
    if (!isNaN(hours)) d.setHours(d.getHours() + hours);
    if (!isNaN(minutes)) d.setMinutes(d.getMinutes() + minutes);
    if (!isNaN(seconds)) d.setSeconds(d.getSeconds() + seconds);
    return formatDate(d, typeof pattern === 'string' ? pattern : ISO);
  },
};
