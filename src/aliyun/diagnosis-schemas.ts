import { z } from 'zod';

/**
 * Answers of the serving check's reads (aliyun-cli-facts.md fact 12 and the Lifecycle table; G =
 * alibabacloud-go/eas-20210701 `describe_service_event_response_body_model.go`,
 * `describe_service_log_response_body_model.go`). Loose: only the fields read are declared.
 */
export const ServiceEventItem = z
  .object({
    Type: z.string().nullish(),
    Reason: z.string().nullish(),
    Message: z.string().nullish(),
    Time: z.string().nullish(),
  })
  .loose();
export type ServiceEventItem = z.infer<typeof ServiceEventItem>;

export const DescribeServiceEventResponse = z
  .object({ Events: z.array(ServiceEventItem).nullish() })
  .loose();

export const DescribeServiceLogResponse = z
  .object({
    Logs: z.array(z.string()).nullish(),
    TotalCount: z.coerce.number().nullish(),
    TotalPageNum: z.coerce.number().nullish(),
    PageNum: z.coerce.number().nullish(),
  })
  .loose();
