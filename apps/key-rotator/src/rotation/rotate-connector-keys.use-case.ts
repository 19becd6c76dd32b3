import { Inject, Injectable } from '@nestjs/common';
import type { RotateConnectorKeysCommand, RotateConnectorKeysResult } from '@iomt/contracts';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  type AccountRegistryManagementRepository,
  type AccountSpecificStreamAnalyticsJob,
  activeKeySlot,
  CLOCK,
  type Clock,
  DocumentType,
  type IomtConnector,
  type IomtConnectorOperationDocument,
  OPERATION_REPOSITORY,
  type OperationRepository,
  ResourceNotFoundError,
  streamAnalyticsJobSecretId,
} from '@iomt/domain';
import { connectorKeyTargets } from './connector-key-targets';
import { ConnectorKeySwitch, type KeySwitchPorts } from './connector-key-switch';
import { loadLiveRotation } from './rotation-operation';
import { RotationRecorder } from './rotation-recorder';

/** DI token of the {@link KeySwitchPorts} (key manager, job controller, Key Vault writer). */
export const KEY_SWITCH_PORTS = Symbol('KEY_SWITCH_PORTS');
/** DI token of the name of the Stream Analytics job's Event Hub input. */
export const STREAM_ANALYTICS_INPUT_NAME = Symbol('STREAM_ANALYTICS_INPUT_NAME');

/**
 * Runs a `connector-keys.rotate` command: reloads the operation, the connector and its secret
 * metadata, switches the consumers to the standby key slot, then records the new slot, time and
 * count and clears the force flag. If recording fails, the switch is rolled back so the stored
 * slot and the slot in use agree.
 */
@Injectable()
export class RotateConnectorKeysUseCase {
  private readonly recorder: RotationRecorder;

  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(KEY_SWITCH_PORTS) private readonly ports: KeySwitchPorts,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(STREAM_ANALYTICS_INPUT_NAME) private readonly inputName: string,
  ) {
    this.recorder = new RotationRecorder(registry);
  }

  async execute(command: RotateConnectorKeysCommand): Promise<RotateConnectorKeysResult> {
    const operation = await loadLiveRotation(this.operations, command);
    const connector = await this.loadConnector(operation);
    const secret = await this.loadSecret(connector);
    if (rotatedFor(operation, secret)) return resultOf(secret);
    const keySwitch = new ConnectorKeySwitch(this.ports, connectorKeyTargets(connector, this.inputName), activeKeySlot(secret));
    await keySwitch.run();
    try {
      return resultOf(await this.recorder.record(secret, this.clock.now()));
    } catch (error) {
      await keySwitch.rollBack();
      throw error;
    }
  }

  private async loadConnector(operation: IomtConnectorOperationDocument): Promise<IomtConnector> {
    const connector = await this.registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, DocumentType.IomtConnector);
    if (connector === undefined) {
      throw new ResourceNotFoundError(`IoMT connector ${operation.iomtConnectorId} does not exist`, { target: 'iomtConnectorId' });
    }
    return connector;
  }

  private async loadSecret(connector: IomtConnector): Promise<AccountSpecificStreamAnalyticsJob> {
    const id = streamAnalyticsJobSecretId(connector.id);
    const secret = await this.registry.getChildResourceById(connector.subscriptionId, id, DocumentType.AccountSpecificStreamAnalyticsJob);
    if (secret === undefined) {
      throw new ResourceNotFoundError(`IoMT connector ${connector.id} has no secret metadata ${id}`, { target: 'secret' });
    }
    return secret;
  }
}

/**
 * True when this operation's rotation was already recorded (a redelivered command after a reply
 * was lost): rotations of a subscription run one at a time, so a rotation recorded after the
 * operation was enqueued is this one. Rotating again would flip the slot back.
 */
function rotatedFor(operation: IomtConnectorOperationDocument, secret: AccountSpecificStreamAnalyticsJob): boolean {
  return !secret.forceRotation && Date.parse(secret.secretLastRotated) >= Date.parse(operation.timeEnqueued);
}

function resultOf(secret: AccountSpecificStreamAnalyticsJob): RotateConnectorKeysResult {
  return {
    isUsingPrimaryKey: secret.isUsingPrimaryKey,
    secretLastRotated: secret.secretLastRotated,
    secretRotationCount: secret.secretRotationCount,
  };
}
