import { z } from 'zod';
import { learnSecret } from '../redact.js';

/**
 * Response schemas of the aliyun calls (docs/CLI-CALLS.md). Loose: the cloud adds fields freely,
 * and only the fields eas-deploy reads are declared.
 */

const nullableString = z.string().nullish();

/**
 * A service's AccessToken, wherever the cloud sends one (describe-service, list-services,
 * describe-service-endpoints): the redactor learns it as it is read, so no log line, message,
 * audit entry or job data can carry it on, whoever's service it belongs to.
 */
const AccessToken = nullableString.transform((token) => {
  learnSecret(token);
  return token;
});

export const Workspace = z
  .object({ WorkspaceId: z.string(), WorkspaceName: z.string().default(''), Status: z.string() })
  .loose();
export type Workspace = z.infer<typeof Workspace>;
export const ListWorkspacesResponse = z
  .object({ Workspaces: z.array(Workspace).default([]), TotalCount: z.coerce.number().optional() })
  .loose();

export const ServiceLabel = z.object({ LabelKey: z.string(), LabelValue: z.string() }).loose();

export const Service = z
  .object({
    ServiceName: z.string(),
    ServiceId: z.string().nullish(),
    Status: z.string().default('Unknown'),
    Reason: z.string().nullish(),
    Message: z.string().nullish(),
    RunningInstance: z.number().nullish(),
    TotalInstance: z.number().nullish(),
    Region: z.string().nullish(),
    InternetEndpoint: nullableString,
    IntranetEndpoint: nullableString,
    AccessToken,
    WorkspaceId: z.string().nullish(),
    Labels: z.array(ServiceLabel).nullish(),
  })
  .loose();
export type Service = z.infer<typeof Service>;
export const ListServicesResponse = z
  .object({ Services: z.array(Service).nullish(), TotalCount: z.coerce.number().optional() })
  .loose();

export const ImageLabel = z.object({ Key: z.string(), Value: z.string() }).loose();
export const Image = z
  .object({
    ImageId: z.string().nullish(),
    Name: z.string().default(''),
    ImageUri: z.string(),
    GmtCreateTime: z.string().default(''),
    Labels: z.array(ImageLabel).nullish(),
  })
  .loose();
export type Image = z.infer<typeof Image>;
export const ListImagesResponse = z
  .object({ TotalCount: z.coerce.number().optional(), Images: z.array(Image).nullish() })
  .loose();

export const InstanceMeta = z
  .object({
    InstanceType: z.string(),
    CPU: z.number().default(0),
    Memory: z.number().default(0),
    GPU: z.string().nullish(),
    GPUAmount: z.number().default(0),
    GPUMemory: z.number().default(0),
    IsAvailable: z.boolean().default(false),
    StockStatus: z.string().default(''),
  })
  .loose();
export type InstanceMeta = z.infer<typeof InstanceMeta>;
export const DescribeMachineSpecResponse = z
  .object({ InstanceMetas: z.array(InstanceMeta).default([]) })
  .loose();

export const Resource = z
  .object({
    ResourceId: z.string(),
    ResourceName: z.string().nullish(),
    ResourceType: z.string(),
    Status: z.string(),
  })
  .loose();
export type Resource = z.infer<typeof Resource>;
export const ListResourcesResponse = z
  .object({ Resources: z.array(Resource).nullish(), TotalCount: z.coerce.number().optional() })
  .loose();

export const CreateServiceResponse = z
  .object({
    ServiceId: z.string(),
    ServiceName: z.string().nullish(),
    Status: z.string().nullish(),
  })
  .loose();

export const Endpoint = z
  .object({
    EndpointType: z.string(),
    BackendId: z.string().nullish(),
    Port: z.number().nullish(),
    InternetEndpoints: z.array(z.string()).nullish(),
    IntranetEndpoints: z.array(z.string()).nullish(),
  })
  .loose();
export type Endpoint = z.infer<typeof Endpoint>;
export const DescribeServiceEndpointsResponse = z
  .object({ AccessToken, Endpoints: z.array(Endpoint).nullish() })
  .loose();
