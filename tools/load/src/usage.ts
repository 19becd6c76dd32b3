/** `npm run load -- --help`. */
export const USAGE = `Usage: npm run load -- [options]

Drives the gateway like ARM, checks the invariants, writes report.json and report.html.
Exit 0: every invariant held; 1: a violation; 2: bad options or a failed run.

Workload
  --subscriptions N        subscriptions (default 20)
  --operations N           operations per subscription (default 5)
  --concurrency N          requests in flight at most (default 64)
  --duration T             issue nothing after T, e.g. 90s, 10m (default 30m)
  --drain T                wait for accepted operations to end after issuing (default 180s)
  --mix K=W,...            weights of service, connector, mapping, delete (default service=3,connector=3,mapping=3,delete=1)
  --seed N                 seed of the workload and the fake ARM's fault draws (default 1)
  --poll-ms N              poll every N ms instead of the gateway's Retry-After

System
  --gateway URL            drive a running gateway instead of starting the system
  --fake-arm URL           its fake ARM (faults through /_fake/faults)
  --routers N              operation-router replicas (default 2)
  --workers N              replicas of each provisioner (default 1)
  --env [S:]NAME=VALUE     a setting of service S (or of every service) the run starts (repeatable),
                           e.g. operation-router:SERVICEBUS_MAX_CONCURRENT_SESSIONS=32

Faults (T is a time like 30s or a share of the operations accepted like 50%)
  --kill S:R@T             kill replica R of service S, e.g. operation-router:0@30s (repeatable)
  --restart S:R@T          restart it (repeatable)
  --arm-faults JSON@T      fake ARM fault settings at T, e.g. '{"failureRate":0.2}@20s' (repeatable)
  --arm-failure-rate X     fake ARM answers 500 to this share of writes from the start
  --arm-latency-ms N       fake ARM latency from the start
  --arm-throttle-rate X    fake ARM answers 429 to this share of requests from the start
  --publish-failure-rate X the gateway fails this share of publications (the sweeper re-publishes)

Report
  --out DIR                where report.json and report.html go (default ./load-report)
`;
