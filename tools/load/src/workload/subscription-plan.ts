import type { OperationKind, OperationMix } from '../cli/operation-mix';
import { HEART_RATE_DEVICE_MAPPING as DEVICE_MAPPING, heartRateFhirMapping as fhirMapping } from '@iomt/domain/testing';

/** api-versions the load speaks, as ARM forwards them. */
export const SERVICES_API = '2023-11-01';
export const IOMT_API = '2020-05-01-preview';
const RESOURCE_GROUP = 'rg-load';
const PERIODS = [0, 60, 1440];

/** One request the load issues. */
export interface PlannedOperation {
  readonly kind: OperationKind;
  readonly method: 'PUT' | 'DELETE';
  /** The ARM resource id (no query). */
  readonly path: string;
  readonly apiVersion: string;
  readonly body?: unknown;
}

/**
 * Plans one subscription's operations, each from the state the earlier ones leave (assuming they
 * succeed): a connector under a service it created, a mapping of a connector it created, a delete
 * of a connector or of a service without connectors. A kind that has nothing to act on yet falls
 * back to a service create.
 */
export class SubscriptionPlan {
  private readonly services = new Map<string, Set<string>>();
  private created = 0;

  constructor(
    readonly subscriptionId: string,
    private readonly mix: OperationMix,
    private readonly random: () => number,
  ) {}

  /** The next operation. */
  next(): PlannedOperation {
    const kind = this.pickKind();
    if (kind === 'connector') return this.createConnector();
    if (kind === 'mapping') return this.updateMapping();
    if (kind === 'delete') return this.delete();
    return this.createService();
  }

  private pickKind(): OperationKind {
    const feasible = (Object.keys(this.mix) as OperationKind[]).filter((k) => this.mix[k] > 0 && this.feasible(k));
    const total = feasible.reduce((sum, k) => sum + this.mix[k], 0);
    let draw = this.random() * total;
    for (const kind of feasible) {
      draw -= this.mix[kind];
      if (draw < 0) return kind;
    }
    return 'service';
  }

  private feasible(kind: OperationKind): boolean {
    if (kind === 'connector' || kind === 'delete') return this.services.size > 0;
    if (kind === 'mapping') return this.connectors().length > 0;
    return true;
  }

  private createService(): PlannedOperation {
    // FHIR service names are DNS names, unique across subscriptions: prefix the subscription's.
    const name = `fhir-${this.subscriptionId.slice(0, 8).toLowerCase()}-${++this.created}`;
    this.services.set(name, new Set());
    return { kind: 'service', method: 'PUT', path: this.servicePath(name), apiVersion: SERVICES_API, body: { location: 'westus2', kind: 'fhir-R4' } };
  }

  private createConnector(): PlannedOperation {
    const service = this.pick([...this.services.keys()]);
    const name = `conn-${++this.created}`;
    this.services.get(service)?.add(name);
    const body = { location: 'westus2', properties: { deviceMapping: { content: DEVICE_MAPPING }, fhirMapping: { content: fhirMapping(60) } } };
    return { kind: 'connector', method: 'PUT', path: `${this.servicePath(service)}/iomtconnectors/${name}`, apiVersion: IOMT_API, body };
  }

  private updateMapping(): PlannedOperation {
    const [service, connector] = this.pick(this.connectors());
    const content = this.random() < 0.5 ? DEVICE_MAPPING : fhirMapping(this.pick(PERIODS));
    const type = content === DEVICE_MAPPING ? 'deviceMapping' : 'fhirMapping';
    const path = `${this.servicePath(service)}/iomtconnectors/${connector}/mappings/${type}`;
    return { kind: 'mapping', method: 'PUT', path, apiVersion: IOMT_API, body: { properties: { content } } };
  }

  private delete(): PlannedOperation {
    const connectors = this.connectors();
    if (connectors.length > 0) {
      const [service, connector] = this.pick(connectors);
      this.services.get(service)?.delete(connector);
      return { kind: 'delete', method: 'DELETE', path: `${this.servicePath(service)}/iomtconnectors/${connector}`, apiVersion: IOMT_API };
    }
    const service = this.pick([...this.services.keys()]);
    this.services.delete(service);
    return { kind: 'delete', method: 'DELETE', path: this.servicePath(service), apiVersion: SERVICES_API };
  }

  private connectors(): [string, string][] {
    return [...this.services].flatMap(([service, connectors]) => [...connectors].map((c): [string, string] => [service, c]));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private servicePath(name: string): string {
    return `/subscriptions/${this.subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.HealthcareApis/services/${name}`;
  }
}

/**
 * Whether two operations' resources are the same or one contains the other (the gateway's 409
 * rule); a mapping counts as its connector, since a mapping update is an operation on the connector.
 */
export function targetsOverlap(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\/mappings\/[^/]+$/, '');
  const y = b.toLowerCase().replace(/\/mappings\/[^/]+$/, '');
  return x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}
