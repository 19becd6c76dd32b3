import { OperationType, type OperationDocument } from '@iomt/domain';
import { inOperationSpan, operationParentContext, TelemetryAttribute } from '@iomt/service-kit';

/**
 * Runs `work` on one operation in a span of the operation's own trace (the message's context, or
 * the admission span the document names), recording what became of it as `iomt.operation.result`.
 */
export function inOperationTrace<R extends string>(operation: OperationDocument, work: () => Promise<R>): Promise<R> {
  const type = OperationType[operation.provisioningOperation] ?? '';
  const span = {
    fields: { operationId: operation.id, subscriptionId: operation.subscriptionId },
    attributes: { [TelemetryAttribute.OperationType]: type },
    parent: operationParentContext(operation),
  };
  return inOperationSpan(`operation ${type}`, span, async (active) => {
    const result = await work();
    active.setAttribute('iomt.operation.result', result);
    return result;
  });
}
