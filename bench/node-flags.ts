/**
 * The V8 flags the Slack-facing roles (bot, all) start with: docker/entrypoint.sh and the npm start
 * scripts carry the same, test/docker/node-flags.test.ts keeps them equal. The benchmark starts the
 * bot and the bare Bolt app with them, so the two apps differ only in code; workers run without. Why 64 MB: each
 * command's views.open allocates a few hundred KB in the Web API client; with V8's default young
 * generation those short-lived objects outlive two scavenges under load and are promoted, and the
 * old-space collections that follow stall acks (docs/OPERATIONS.md, "Memory and GC").
 */
export const PRODUCT_NODE_OPTIONS = '--max-semi-space-size=64';
