import { ThrottledError, ValidationError } from '@iomt/domain';
import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { ArmDeploymentFailedError } from '../src/lib/errors/arm-errors';
import { type AzureFixture, calls, deployConnector, startAzureFixture } from './support/fake-arm.fixture';

const DEPLOYMENT_PUT = /^PUT .*\/deployments\/[^/]+$/i;

describe('ArmResourceDeployer failures against the fake ARM', () => {
  let fixture: AzureFixture;
  let deployer: ArmResourceDeployer;

  beforeEach(async () => {
    fixture = await startAzureFixture();
    deployer = new ArmResourceDeployer(fixture.clients);
  });
  afterEach(() => fixture.stop());

  it('maps a deployment that ends Failed to DeploymentFailed with the ARM error, then deploys again on retry', async () => {
    fixture.fakeArm.setFaults({ failNextDeployments: 1 });
    const failure = await deployConnector(fixture).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ArmDeploymentFailedError);
    expect(failure).toMatchObject({
      code: 'DeploymentFailed',
      retryable: false,
      details: [
        expect.objectContaining({ code: 'DeploymentFailed' }),
        expect.objectContaining({ code: 'InjectedDeploymentFailure' }),
      ],
    });
    await expect(deployConnector(fixture)).resolves.toBeDefined();
    expect(calls(fixture.fakeArm, DEPLOYMENT_PUT)).toHaveLength(2);
  });

  it('maps a template ARM refuses to DeploymentFailed with the raw InvalidTemplate error', async () => {
    const { request } = await deployConnector(fixture);
    const bad = {
      ...request,
      deploymentName: 'bad-template',
      parameters: { ...request.parameters, streamingUnits: 2 },
    };
    await expect(deployer.deploy(bad)).rejects.toMatchObject({
      code: 'DeploymentFailed',
      details: [expect.objectContaining({ code: 'InvalidTemplate' })],
    });
  });

  it('rides out throttling with the SDK retry policy', async () => {
    fixture.fakeArm.setFaults({ throttleNext: 2, retryAfterSeconds: 0 });
    await deployConnector(fixture);
    expect(calls(fixture.fakeArm, /\(throttled\)$/)).toHaveLength(2);
  });

  it('gives up on persistent throttling with a ThrottledError carrying Retry-After', async () => {
    fixture.fakeArm.setFaults({ throttleNext: 50, retryAfterSeconds: 0 });
    const error = await deployConnector(fixture).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ code: 'TooManyRequests', retryAfterMs: 0, retryable: true });
    expect(calls(fixture.fakeArm, /\(throttled\)$/)).toHaveLength(4);
  });

  it('refuses bad input precisely, before calling ARM', async () => {
    const { request } = await deployConnector(fixture);
    fixture.fakeArm.clearCalls();
    await expect(deployer.deploy({ ...request, deploymentName: 'has space' })).rejects.toMatchObject({
      target: 'deploymentName',
    });
    await expect(deployer.deploy({ ...request, resourceGroupName: 'bad/group' })).rejects.toMatchObject({
      code: 'InvalidResourceGroupName',
    });
    await expect(deployer.deploy({ ...request, subscriptionId: 'sub' })).rejects.toMatchObject({
      code: 'InvalidSubscriptionId',
    });
    await expect(deployer.deleteResourceGroup(request.subscriptionId, '')).rejects.toBeInstanceOf(ValidationError);
    expect(fixture.fakeArm.calls().total).toBe(0);
  });

  it("rejects with the signal's reason when cancelled", async () => {
    const reason = new Error('shutting down');
    const { request } = await deployConnector(fixture);
    await expect(
      deployer.deploy({ ...request, deploymentName: 'other' }, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });
});
