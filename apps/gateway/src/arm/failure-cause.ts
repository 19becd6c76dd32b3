/** Response header attributing a failure to the customer (`client`) or to the provider (`service`): ARM's SLI telemetry reads it. */
export const FAILURE_CAUSE_HEADER = 'x-ms-failurecause';

/**
 * Who caused a failure with this HTTP status (arm-rpc.md §1.5, `x-ms-failurecause`): the customer's
 * input for a 4xx (an operation failed or canceled for what the request asked), the provider otherwise.
 */
export function failureCauseOf(status: number): 'client' | 'service' {
  return status >= 400 && status < 500 ? 'client' : 'service';
}
