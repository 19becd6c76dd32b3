/**
 * ISO-8601 durations as the official emulator's Config.json accepts them
 * (`^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$`).
 * Years and months use the fixed lengths .NET's XmlConvert uses (365 and 30 days).
 */
const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS = [365 * DAY, 30 * DAY, DAY, HOUR, MINUTE, SECOND];

/** Milliseconds of an ISO-8601 duration such as `PT1M` or `P14D`, or undefined when malformed. */
export function parseIsoDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match) return undefined;
  return UNIT_MS.reduce((total, unit, index) => total + Number(match[index + 1] ?? 0) * unit, 0);
}
