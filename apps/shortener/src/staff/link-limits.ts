import {
  ALIAS_CHARACTERS,
  ALIAS_MAX,
  ALIAS_MIN,
  DEFAULT_REDIRECT_TYPE,
  MAX_URL_LENGTH,
  REDIRECT_TYPES,
  UTM_PARAMETERS,
  UTM_VALUE_MAX,
} from '@newsroom/links';
import type { LinkFieldLimits } from './LinkOptionsFields';

/** What the browser forms need to know of the link rules, handed down by server pages. */
export const LINK_FIELD_LIMITS: LinkFieldLimits = {
  maxUrlLength: MAX_URL_LENGTH,
  utmMaxLength: UTM_VALUE_MAX,
  utmParameters: UTM_PARAMETERS,
  aliasMin: ALIAS_MIN,
  aliasMax: ALIAS_MAX,
  aliasPattern: `[${ALIAS_CHARACTERS}]{${ALIAS_MIN},${ALIAS_MAX}}`,
  redirectTypes: REDIRECT_TYPES,
  defaultRedirectType: DEFAULT_REDIRECT_TYPE,
};
