<?php
/**
 * Removes what the plugin stored: its one option. Posts keep their shortcodes and blocks, which show their
 * fallback content once the plugin is gone.
 *
 * @package Archipel
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'archipel_settings' );
