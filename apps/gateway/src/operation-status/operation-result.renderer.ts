import type { OperationDocument, ResourceTypeName } from '@iomt/domain';

/**
 * Renders what a finished operation produced, for its `Location` URL: the resource as a GET would
 * show it, or undefined when the operation left nothing to show (a delete: 204). Each resource type's
 * use case provides one.
 */
export interface OperationResultRenderer {
  readonly resourceTypeName: ResourceTypeName;
  render(operation: OperationDocument): Promise<unknown>;
}

/** DI token of the `OperationResultRenderer[]`. */
export const OPERATION_RESULT_RENDERERS = Symbol('OPERATION_RESULT_RENDERERS');
