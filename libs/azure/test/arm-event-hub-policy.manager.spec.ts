import { type EventHubPolicyTarget, ResourceNotFoundError, ValidationError } from '@iomt/domain';
import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { ArmEventHubPolicyManager } from '../src/lib/event-hubs/arm-event-hub-policy.manager';
import { ArmKeyManager } from '../src/lib/keys/arm-key.manager';
import { deviceWritePolicyDeploymentRequest } from '../src/lib/templates/device-write-policy.template';
import {
  type AzureFixture,
  type DeployedConnector,
  deployConnector,
  startAzureFixture,
} from './support/fake-arm.fixture';

const RULES = 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules';

describe('device write policies against the fake ARM', () => {
  let fixture: AzureFixture;
  let deployed: DeployedConnector;
  let policies: ArmEventHubPolicyManager;
  let fleet: EventHubPolicyTarget;

  beforeEach(async () => {
    fixture = await startAzureFixture();
    deployed = await deployConnector(fixture);
    policies = new ArmEventHubPolicyManager(fixture.clients);
    const { connector } = deployed;
    fleet = {
      kind: 'eventHubAuthorizationRule',
      subscriptionId: connector.infrastructureSubscriptionId!,
      resourceGroupName: connector.infrastructureResourceGroupName!,
      namespaceName: connector.eventHub.infrastructureResourceName!,
      eventHubName: 'deviceinput',
      ruleName: 'fleet1',
    };
  });
  afterEach(() => fixture.stop());

  const rule = (name: string) => fixture.fakeArm.resources(RULES).find((r) => r.name === name);

  it('adds a Send-only policy on the device hub with the small template, and outputs its id', async () => {
    const request = deviceWritePolicyDeploymentRequest(deployed.connector, 'fleet1', 'op-connection-1');
    const result = await new ArmResourceDeployer(fixture.clients).deploy(request);
    expect(rule('fleet1')?.properties.rights).toEqual(['Send']);
    expect(rule('fleet1')?.id).toContain('/eventhubs/deviceinput/authorizationRules/fleet1');
    expect(result.outputs.policy).toEqual({
      id: rule('fleet1')?.id,
      name: `${fleet.namespaceName}/deviceinput/fleet1`,
      type: RULES,
    });
    await expect(new ArmKeyManager(fixture.clients).listKeys(fleet)).resolves.toMatchObject({ keyName: 'fleet1' });
  });

  it('puts a policy directly and deletes it; deleting again answers false', async () => {
    await policies.putPolicy(fleet, ['Send']);
    expect(rule('fleet1')?.properties.rights).toEqual(['Send']);
    await expect(policies.deletePolicy(fleet)).resolves.toBe(true);
    expect(rule('fleet1')).toBeUndefined();
    await expect(policies.deletePolicy(fleet)).resolves.toBe(false);
    expect(rule('normalizer')).toBeDefined();
  });

  it('refuses rights that are not a valid rule before calling ARM', async () => {
    fixture.fakeArm.clearCalls();
    await expect(policies.putPolicy(fleet, [])).rejects.toBeInstanceOf(ValidationError);
    await expect(policies.putPolicy(fleet, ['Manage'])).rejects.toMatchObject({ target: 'rights' });
    expect(fixture.fakeArm.calls().total).toBe(0);
  });

  it('answers ResourceNotFoundError for a namespace that does not exist', async () => {
    await expect(policies.putPolicy({ ...fleet, namespaceName: 'ehn-missing' }, ['Send'])).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
  });
});
