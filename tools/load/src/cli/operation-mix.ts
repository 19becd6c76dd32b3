import { OptionError } from './fault-spec';

/** The kinds of operation a load run issues. */
export const OPERATION_KINDS = ['service', 'connector', 'mapping', 'delete'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Relative weights of the kinds (need not sum to 1). */
export type OperationMix = Readonly<Record<OperationKind, number>>;

/** FHIR service creates, connector creates under a service, mapping updates, deletes. */
export const DEFAULT_MIX: OperationMix = { service: 3, connector: 3, mapping: 3, delete: 1 };

/** Parses `service=3,connector=3,mapping=3,delete=1`; kinds left out weigh 0. */
export function parseMix(text: string): OperationMix {
  const mix: Record<OperationKind, number> = { service: 0, connector: 0, mapping: 0, delete: 0 };
  for (const part of text.split(',')) {
    const [name, weight] = part.split('=').map((s) => s.trim());
    const kind = OPERATION_KINDS.find((k) => k === name);
    if (kind === undefined) throw new OptionError(`--mix: unknown kind '${name}'; kinds are ${OPERATION_KINDS.join(', ')}`);
    const value = Number(weight);
    if (weight === undefined || weight === '' || !Number.isFinite(value) || value < 0) {
      throw new OptionError(`--mix: the weight of ${kind} must be a number of 0 or more, got '${weight ?? ''}'`);
    }
    mix[kind] = value;
  }
  if (mix.service <= 0) throw new OptionError('--mix: service must weigh more than 0 (every other kind needs a service first)');
  return mix;
}
