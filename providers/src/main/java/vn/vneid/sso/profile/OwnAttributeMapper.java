package vn.vneid.sso.profile;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * A user attribute as a claim, from the citizen's own record only. Keycloak's {@code oidc-usermodel-attribute-mapper}
 * falls back to the attributes of the user's groups when the user has none: an admin who may manage groups
 * ({@code manage-users}) could then make tokens say {@code vneid_level} 2 or {@code phone_number_verified} true for an
 * account that never proved either. Same configuration as Keycloak's mapper, without the fallback and aggregation.
 */
public final class OwnAttributeMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "vneid-own-attribute-mapper";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty attribute = new ProviderConfigProperty();
        attribute.setName(ProtocolMapperUtils.USER_ATTRIBUTE);
        attribute.setLabel(ProtocolMapperUtils.USER_MODEL_ATTRIBUTE_LABEL);
        attribute.setHelpText(ProtocolMapperUtils.USER_MODEL_ATTRIBUTE_HELP_TEXT);
        attribute.setType(ProviderConfigProperty.USER_PROFILE_ATTRIBUTE_LIST_TYPE);
        CONFIG.add(attribute);
        OIDCAttributeMapperHelper.addAttributeConfig(CONFIG, OwnAttributeMapper.class);
        ProviderConfigProperty multivalued = new ProviderConfigProperty();
        multivalued.setName(ProtocolMapperUtils.MULTIVALUED);
        multivalued.setLabel(ProtocolMapperUtils.MULTIVALUED_LABEL);
        multivalued.setHelpText(ProtocolMapperUtils.MULTIVALUED_HELP_TEXT);
        multivalued.setType(ProviderConfigProperty.BOOLEAN_TYPE);
        CONFIG.add(multivalued);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID user attribute (own record only)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "A user attribute as a token claim, read from the user's own attributes only, never from a group's";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        String attribute = mappingModel.getConfig().get(ProtocolMapperUtils.USER_ATTRIBUTE);
        List<String> values = userSession.getUser().getAttributeStream(attribute).toList();
        if (!values.isEmpty()) {
            OIDCAttributeMapperHelper.mapClaim(token, mappingModel, values);
        }
    }
}
