import type { EventHubPolicyTarget } from '@iomt/domain';

/** An ARM template as deployed: JSON, read-only. */
export type ArmTemplate = Readonly<Record<string, unknown>>;

/**
 * The ARM templates the provisioner deploys. They belong to `@iomt/azure`; this seam lets the
 * app depend on their presence, not on where they are loaded from.
 */
export interface IomtTemplates {
  /** The connector's whole topology: Event Hubs, storage, Key Vault, Stream Analytics, Function App. */
  readonly connector: ArmTemplate;
  /** One write-only (Send) authorization rule on the device hub: a customer's connection. */
  readonly deviceWritePolicy: ArmTemplate;
}

/** DI token of {@link IomtTemplates}. */
export const IOMT_TEMPLATES = Symbol.for('@iomt/iomt-provisioner:IomtTemplates');

/**
 * Removes a shared access policy. The domain's `ResourceDeployer` deploys incrementally and
 * cannot remove one resource, so deleting a connection needs this narrower port.
 */
export interface EventHubPolicyRemover {
  /** Deletes the rule and waits; a rule that does not exist is already deleted. */
  deletePolicy(target: EventHubPolicyTarget): Promise<void>;
}

/** DI token of {@link EventHubPolicyRemover}. */
export const EVENT_HUB_POLICY_REMOVER = Symbol.for('@iomt/iomt-provisioner:EventHubPolicyRemover');
