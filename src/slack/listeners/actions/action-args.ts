import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  ExternalSelectAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';

/** What Bolt hands a listener for a click on a button. */
export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** What Bolt hands a listener for a choice in a static select (region, network mode). */
export type SelectArgs = AllMiddlewareArgs &
  SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>;

/** What Bolt hands a listener for a choice in an external select (the image). */
export type ExternalSelectArgs = AllMiddlewareArgs &
  SlackActionMiddlewareArgs<BlockAction<ExternalSelectAction>>;
