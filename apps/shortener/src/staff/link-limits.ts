import { MAX_URL_LENGTH, UTM_PARAMETERS, UTM_VALUE_MAX } from '@newsroom/links';
import type { LinkFieldLimits } from './LinkOptionsFields';

/** What the browser forms need to know of the link rules, handed down by server pages. */
export const LINK_FIELD_LIMITS: LinkFieldLimits = {
  maxUrlLength: MAX_URL_LENGTH,
  utmMaxLength: UTM_VALUE_MAX,
  utmParameters: UTM_PARAMETERS,
};
