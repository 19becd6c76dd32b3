/** When a scheduled fault fires: after some time, or once a fraction of the operations were accepted. */
export type FaultTrigger = { readonly afterMs: number } | { readonly afterAcceptedFraction: number };

const TIME = /^(\d+(?:\.\d+)?)(ms|s|m)$/;
const PERCENT = /^(\d+(?:\.\d+)?)%$/;

/** Parses `500ms`, `30s`, `2m` into milliseconds; undefined when the text is not a duration. */
export function parseDurationMs(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (match === null) return undefined;
  const value = Number(match[1]);
  return Math.round(match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60_000);
}

/** Parses `30s` (time since the run started) or `50%` (of the operations accepted). */
export function parseTrigger(text: string): FaultTrigger | undefined {
  const ms = parseDurationMs(text);
  if (ms !== undefined) return { afterMs: ms };
  const percent = PERCENT.exec(text.trim());
  if (percent === null) return undefined;
  const fraction = Number(percent[1]) / 100;
  return fraction <= 1 ? { afterAcceptedFraction: fraction } : undefined;
}

/** `30s` or `50%`, for the report. */
export function describeTrigger(trigger: FaultTrigger): string {
  return 'afterMs' in trigger ? `${trigger.afterMs / 1000}s` : `${Math.round(trigger.afterAcceptedFraction * 100)}%`;
}
