/**
 * Issues a batch of requests through `add` and waits until all have succeeded. Each request's promise is
 * marked handled the moment it is added: if issuing a later request throws (a full disk, an uncloneable
 * value), the transaction aborts and rejects the earlier requests, which nobody awaits any more and which
 * would otherwise surface as unhandled rejections. The throw itself still reaches the caller.
 */
export async function allRequests(issue: (add: (request: Promise<unknown>) => void) => void): Promise<void> {
  const issued: Promise<unknown>[] = [];
  issue((request) => {
    request.catch(() => undefined);
    issued.push(request);
  });
  await Promise.all(issued);
}
