/**
 * Imported first by the local entry points. cognito-local still loads the
 * AWS SDK v2, which prints an end-of-support notice on load, and SDK v3 warns
 * that future releases need Node 22 (Lambda already runs 22). Neither says
 * anything a developer can act on, so they are silenced before those modules load.
 */
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
