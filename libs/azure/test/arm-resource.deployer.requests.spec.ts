import { RestError } from '@azure/core-rest-pipeline';
import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { type AzureFixture, calls, deployConnector, startAzureFixture } from './support/fake-arm.fixture';

// The ARM requests of a deployment, as `METHOD kind` lines: what each one costs in ARM's (and the fake's) work.
function requestKinds(fixture: AzureFixture): string[] {
  return calls(fixture.fakeArm).map((line) => {
    const [method, path] = line.split(' ');
    if (/\/operationStatuses\//i.test(path)) return `${method} operationStatus`;
    if (/\/deployments\/[^/]+$/i.test(path)) return `${method} deployment`;
    if (/\/resourcegroups\/[^/]+$/i.test(path)) return `${method} resourceGroup`;
    return line;
  });
}

describe('ArmResourceDeployer: the ARM requests a deployment costs', () => {
  let fixture: AzureFixture;

  beforeEach(async () => {
    fixture = await startAzureFixture();
  });
  afterEach(() => fixture.stop());

  it('first deployment: the read of the deployment tells that the group is missing (no HEAD), the PUT is polled through the deployment', async () => {
    await deployConnector(fixture);
    expect(requestKinds(fixture)).toEqual([
      'GET deployment', // 404 ResourceGroupNotFound
      'PUT resourceGroup',
      'PUT deployment', // 201 + Azure-AsyncOperation
      'GET operationStatus', // the SDK's first poll: in progress
      'GET deployment', // Succeeded, with its outputs
    ]);
  });

  it('a new deployment into an existing group touches no group', async () => {
    await deployConnector(fixture, 'first-op');
    fixture.fakeArm.clearCalls();
    await deployConnector(fixture, 'second-op');
    expect(requestKinds(fixture)).toEqual(['GET deployment', 'PUT deployment', 'GET operationStatus', 'GET deployment']);
  });

  it('polls a long deployment through the deployment until it ends', async () => {
    fixture.fakeArm.setFaults({ lroReadsBeforeDone: 3 });
    const { result } = await deployConnector(fixture);
    expect(result.outputs).toHaveProperty('keyVault');
    expect(requestKinds(fixture).slice(2)).toEqual([
      'PUT deployment',
      'GET operationStatus',
      'GET deployment',
      'GET deployment',
      'GET deployment',
    ]);
  });

  it('asks whether the group exists (HEAD) when a 404 of the deployment does not say', async () => {
    const arm = fixture.clients.resources((await deployConnector(fixture, 'first-op')).request.subscriptionId);
    fixture.fakeArm.clearCalls();
    jest.spyOn(arm.deployments, 'get').mockRejectedValueOnce(new RestError('not found', { statusCode: 404 }));
    await deployConnector(fixture, 'second-op');
    expect(requestKinds(fixture)).toEqual(['HEAD resourceGroup', 'PUT deployment', 'GET operationStatus', 'GET deployment']);
  });

  it('creates the group again when the 404 of the deployment says it is gone', async () => {
    const { request } = await deployConnector(fixture, 'first-op');
    await new ArmResourceDeployer(fixture.clients).deleteResourceGroup(request.subscriptionId, request.resourceGroupName);
    fixture.fakeArm.clearCalls();
    await expect(deployConnector(fixture, 'second-op')).resolves.toMatchObject({ result: { deploymentName: expect.any(String) } });
    expect(requestKinds(fixture).slice(0, 2)).toEqual(['GET deployment', 'PUT resourceGroup']);
  });
});
