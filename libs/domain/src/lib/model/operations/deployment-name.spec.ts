import { ValidationError } from '../../errors';
import { thrown } from '../test-support/thrown';
import { deploymentName } from './deployment-name';

describe('deploymentName', () => {
  const operationId = '3b1f7a52-9c0e-4d6b-8f21-6a4e9d0c7b13';

  it('is the step and the operation id, the same every time', () => {
    expect(deploymentName(operationId, 'iomt-infra')).toBe(`iomt-infra-${operationId}`);
    expect(deploymentName(operationId, 'iomt-infra')).toBe(deploymentName(operationId, 'iomt-infra'));
    expect(deploymentName(operationId, 'x'.repeat(27))).toHaveLength(64);
  });

  it.each<[string, string, string[]]>([
    ['', operationId, ['step']],
    ['step one', operationId, ['step']],
    ['step/1', operationId, ['step']],
    ['ok', 'op#1', ['operationId']],
    ['x'.repeat(28), operationId, ['step']],
  ])('rejects step %j with operation %j', (step, id, targets) => {
    const error = thrown(() => deploymentName(id, step));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.target)).toEqual(targets);
  });
});
