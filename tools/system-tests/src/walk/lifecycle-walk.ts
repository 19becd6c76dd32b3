import { ArmClient, ArmRequestError } from '../arm-client';
import { IOMT_API_VERSION, SERVICES_API_VERSION, walkPaths, type WalkNames, type WalkPaths } from './lifecycle-paths';
import { DEVICE_MAPPING, FHIR_MAPPING, INVALID_DEVICE_MAPPING } from './mapping-samples';
import { expectGone, expectSucceeded, expectTags, WalkStepError, type StepOutcome, type WalkStep } from './walk-step';

/** The answer of listKeys and regenerateKey (secrets: never printed). */
export interface ConnectionKeys {
  readonly keyName: string;
  readonly primaryKey: string;
  readonly secondaryKey: string;
  readonly primaryConnectionString: string;
  readonly secondaryConnectionString: string;
}

/** Tags the walk sets on update. */
export const UPDATED_SERVICE_TAGS = { owner: 'demo', stage: 'updated' };
export const UPDATED_CONNECTOR_TAGS = { owner: 'demo', stage: 'updated' };

/**
 * The whole life of a FHIR service and an IoMT connector through the gateway's ARM surface, one
 * step at a time: create, mappings (and a refused one), a connection and its keys, updates, and
 * the deletes. Each step checks its answers against the ARM contract; `npm run demo` prints them,
 * the lifecycle test runs them one by one and checks what exists in the fake ARM in between.
 */
export class LifecycleWalk {
  readonly paths: WalkPaths;
  /** The keys listKeys answered, then the ones regenerateKey answered (kept for the test's checks). */
  readonly keys: ConnectionKeys[] = [];

  constructor(
    private readonly client: ArmClient,
    readonly names: WalkNames,
  ) {
    this.paths = walkPaths(names);
  }

  /** Every step, in order. */
  steps(): WalkStep[] {
    const step = (title: string, run: () => Promise<StepOutcome>): WalkStep => ({ title, run });
    return [
      step('Create the FHIR service', () => this.createFhirService()),
      step('Create the IoMT connector', () => this.createConnector()),
      step('Set the device mapping', () => this.setMapping('deviceMapping', DEVICE_MAPPING)),
      step('Set the FHIR mapping', () => this.setMapping('fhirMapping', FHIR_MAPPING)),
      step('Refuse an invalid device mapping', () => this.refuseInvalidMapping()),
      step('Create a connection', () => this.createConnection()),
      step('List the connection keys', () => this.listKeys()),
      step('Regenerate the primary key', () => this.regeneratePrimaryKey()),
      step('Update the FHIR service tags (PATCH)', () => this.updateServiceTags()),
      step('Update the IoMT connector tags (PUT)', () => this.updateConnectorTags()),
      step('Delete the connection', () => this.deleteAndCheck(this.paths.connection, IOMT_API_VERSION)),
      step('Delete the IoMT connector', () => this.deleteAndCheck(this.paths.connector, IOMT_API_VERSION)),
      step('Delete the FHIR service', () => this.deleteAndCheck(this.paths.service, SERVICES_API_VERSION)),
    ];
  }

  async createFhirService(): Promise<StepOutcome> {
    const body = { location: this.names.location, kind: 'fhir-R4', tags: { owner: 'demo' } };
    return expectSucceeded(await this.client.putAndWait(this.paths.service, SERVICES_API_VERSION, body), [201]);
  }

  async createConnector(): Promise<StepOutcome> {
    const body = { location: this.names.location, tags: { owner: 'demo' } };
    return expectSucceeded(await this.client.putAndWait(this.paths.connector, IOMT_API_VERSION, body), [201]);
  }

  async setMapping(name: 'deviceMapping' | 'fhirMapping', content: unknown): Promise<StepOutcome> {
    const result = await this.client.putAndWait(this.paths.mapping(name), IOMT_API_VERSION, { properties: { content } });
    const outcome = expectSucceeded(result, [200, 201]);
    const stored = (result.final.body as { properties?: { content?: unknown } }).properties?.content;
    if (JSON.stringify(stored) !== JSON.stringify(content)) throw new WalkStepError(`the ${name} read back differs from the one sent`);
    return outcome;
  }

  /** A bad template: 400 whose details name each problem at its line and position. */
  async refuseInvalidMapping(): Promise<StepOutcome> {
    const error = await this.client
      .put(this.paths.mapping('deviceMapping'), IOMT_API_VERSION, { properties: { content: INVALID_DEVICE_MAPPING } })
      .then(() => undefined, (e: unknown) => e);
    if (!(error instanceof ArmRequestError) || error.status !== 400) throw new WalkStepError(`expected 400, got ${error instanceof ArmRequestError ? error.status : 'a success'}`);
    const details = error.body?.error.details ?? [];
    if (details.length === 0 || !details.every((d) => /Line \d+, position \d+/.test(d.message))) {
      throw new WalkStepError(`the 400 does not list each problem at its line and position: ${JSON.stringify(error.body)}`);
    }
    return { status: 400, note: `${error.code}, ${details.length} problems, first: ${details[0].message}` };
  }

  async createConnection(): Promise<StepOutcome> {
    const body = { location: this.names.location };
    return expectSucceeded(await this.client.putAndWait(this.paths.connection, IOMT_API_VERSION, body), [201]);
  }

  async listKeys(): Promise<StepOutcome> {
    const response = await this.client.post<ConnectionKeys>(`${this.paths.connection}/listKeys`, IOMT_API_VERSION);
    const keys = checkedKeys(response.body, this.names.connection);
    this.keys.push(keys);
    return { status: response.status, note: `keyName ${keys.keyName}, primary and secondary keys and connection strings (not shown)` };
  }

  async regeneratePrimaryKey(): Promise<StepOutcome> {
    const before = this.keys.at(-1);
    const response = await this.client.post<ConnectionKeys>(`${this.paths.connection}/regenerateKey`, IOMT_API_VERSION, { keyType: 'Primary' });
    const keys = checkedKeys(response.body, this.names.connection);
    if (before !== undefined && (keys.primaryKey === before.primaryKey || keys.secondaryKey !== before.secondaryKey)) {
      throw new WalkStepError('regenerateKey Primary must change the primary key and only it');
    }
    this.keys.push(keys);
    return { status: response.status, note: 'a new primary key, the secondary unchanged' };
  }

  async updateServiceTags(): Promise<StepOutcome> {
    const result = await this.client.patchAndWait(this.paths.service, SERVICES_API_VERSION, { tags: UPDATED_SERVICE_TAGS });
    const outcome = expectSucceeded(result, [202]);
    expectTags(result, UPDATED_SERVICE_TAGS);
    return outcome;
  }

  async updateConnectorTags(): Promise<StepOutcome> {
    const body = { location: this.names.location, tags: UPDATED_CONNECTOR_TAGS };
    const result = await this.client.putAndWait(this.paths.connector, IOMT_API_VERSION, body);
    const outcome = expectSucceeded(result, [200]);
    expectTags(result, UPDATED_CONNECTOR_TAGS);
    return outcome;
  }

  /** DELETE: 202, the operation Succeeded, the Location result 200 or 204, then GET 404. */
  async deleteAndCheck(path: string, apiVersion: string): Promise<StepOutcome> {
    const result = await this.client.deleteAndWait(path, apiVersion);
    const outcome = expectSucceeded(result, [202]);
    if (result.final.status !== 200 && result.final.status !== 204) throw new WalkStepError(`the Location result answered ${result.final.status}`);
    await expectGone(this.client, path, apiVersion);
    return { ...outcome, note: 'then GET 404' };
  }
}

function checkedKeys(body: ConnectionKeys | undefined, connection: string): ConnectionKeys {
  const complete = body !== undefined && body.keyName === connection && [body.primaryKey, body.secondaryKey, body.primaryConnectionString, body.secondaryConnectionString].every((v) => typeof v === 'string' && v.length > 0);
  if (!complete) throw new WalkStepError(`the keys answer lacks keyName ${connection}, keys or connection strings`);
  return body;
}
