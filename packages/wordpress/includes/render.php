<?php
/**
 * One renderer for shortcodes and blocks: it writes the widget's tag on the server, so the tag reaches the page
 * whoever wrote the post (an author's post may not hold custom tags or scripts itself). Only the widget's
 * documented attributes pass, each escaped; the rest are left out, and said to those who can edit.
 *
 * @package Archipel
 */

defined( 'ABSPATH' ) || exit;

/** Attributes of the plugin itself, never passed to the tag: the link shown before the widget runs. */
const ARCHIPEL_FALLBACK_ATTRIBUTES = array( 'fallback-link', 'fallback-text' );

/** How many chapter hubs are being rendered around the current widget: their widgets take the hub's source. */
$GLOBALS['archipel_hub_depth'] = 0;

/**
 * The tag's attribute name for a shortcode's or a block's key: `consent_version` and `consentVersion` are
 * `consent-version`.
 *
 * @param string $key The key as written.
 */
function archipel_attribute_name( $key ) {
	return strtolower( str_replace( '_', '-', preg_replace( '/([a-z0-9])([A-Z])/', '$1-$2', (string) $key ) ) );
}

/**
 * Whether a boolean attribute is on: present, or any value but false, 0, no or off.
 *
 * @param mixed $value The value as written.
 */
function archipel_is_on( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	return ! in_array( strtolower( trim( (string) $value ) ), array( 'false', '0', 'no', 'off' ), true );
}

/**
 * The link a visitor sees until the widget runs, and without JavaScript.
 *
 * @param array $plugin_atts `fallback-link` and `fallback-text`, as given.
 */
function archipel_fallback_link( array $plugin_atts ) {
	$url = isset( $plugin_atts['fallback-link'] ) ? esc_url( trim( (string) $plugin_atts['fallback-link'] ) ) : '';
	if ( '' === $url ) {
		return '';
	}
	$text = isset( $plugin_atts['fallback-text'] ) ? trim( (string) $plugin_atts['fallback-text'] ) : '';
	return '<a href="' . $url . '">' . esc_html( '' !== $text ? $text : preg_replace( '#^https?://#', '', $url ) ) . '</a>';
}

/**
 * The widget's tag with its attributes and what goes inside it.
 *
 * @param string   $name   The widget's key in archipel_widgets().
 * @param array    $atts   Attributes from a shortcode (kebab, snake or bare words) or a block (camelCase).
 * @param string   $inner  HTML that goes inside the tag: the fallback, or a hub's own children.
 * @param string[] $ignore Keys left out silently (a block's own, such as className).
 * @param string   $block  A block's wrapper attributes (its class names), already escaped.
 */
function archipel_render_widget( $name, $atts, $inner = '', array $ignore = array(), $block = '' ) {
	$widget  = archipel_widgets()[ $name ];
	$known   = $widget['attributes'];
	$tag_att = array();
	$plugin  = array();
	$unknown = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			// A bare word in a shortcode, `[archipel_signup kiosk]`: a boolean attribute turned on.
			$key   = (string) $value;
			$value = true;
		}
		if ( in_array( $key, $ignore, true ) ) {
			continue;
		}
		$attr = archipel_attribute_name( $key );
		if ( in_array( $attr, ARCHIPEL_FALLBACK_ATTRIBUTES, true ) ) {
			$plugin[ $attr ] = $value;
		} elseif ( ! isset( $known[ $attr ] ) ) {
			$unknown[] = $attr;
		} elseif ( 'boolean' === $known[ $attr ] ) {
			if ( archipel_is_on( $value ) ) {
				$tag_att[ $attr ] = true;
			}
		} elseif ( is_scalar( $value ) && '' !== trim( (string) $value ) && true !== $value ) {
			$tag_att[ $attr ] = trim( (string) $value );
		}
	}
	if ( ! isset( $tag_att['source'] ) && isset( $known['source'] ) && 0 === $GLOBALS['archipel_hub_depth'] ) {
		$source = archipel_settings()['source'];
		if ( '' !== $source ) {
			$tag_att['source'] = $source;
		}
	}
	archipel_enqueue_loader();

	$fallback = archipel_fallback_link( $plugin );
	if ( '' !== $fallback ) {
		$inner = ( 'chapter-hub' === $name ? '<p slot="fallback">' . $fallback . '</p>' : $fallback ) . $inner;
	}
	$html = '<' . $widget['tag'] . ( '' !== $block ? ' ' . $block : '' );
	foreach ( $tag_att as $attr => $value ) {
		$html .= true === $value ? ' ' . $attr : ' ' . $attr . '="' . esc_attr( $value ) . '"';
	}
	$html .= '>' . $inner . '</' . $widget['tag'] . '>';
	return $html . archipel_unknown_attributes_warning( $widget, $unknown );
}

/**
 * For those who can edit the page, a warning in the browser's console naming attributes that were left out and
 * those the widget takes. Visitors get nothing.
 *
 * @param array    $widget  The widget.
 * @param string[] $unknown Attribute names that are not the widget's.
 */
function archipel_unknown_attributes_warning( array $widget, array $unknown ) {
	if ( ! $unknown || ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$message = sprintf(
		/* translators: 1: the shortcode, 2: the attributes left out, 3: the attributes the widget takes */
		__( 'Archipel: [%1$s] does not take %2$s, left out. It takes: %3$s.', 'archipel' ),
		$widget['shortcode'],
		implode( ', ', array_unique( $unknown ) ),
		implode( ' ', array_merge( array_keys( $widget['attributes'] ), ARCHIPEL_FALLBACK_ATTRIBUTES ) )
	);
	return wp_get_inline_script_tag( 'console.warn(' . wp_json_encode( $message, JSON_HEX_TAG | JSON_HEX_AMP ) . ');' );
}

/**
 * Renders one shortcode: `[archipel_signup source="…"]fallback[/archipel_signup]`. Inside a chapter hub's
 * shortcode, the text is the hub's children (nested widgets, sections); inside another widget's, its fallback.
 *
 * @param string $name    The widget's key.
 * @param mixed  $atts    The shortcode's attributes.
 * @param string $content What is between the opening and the closing shortcode.
 */
function archipel_shortcode( $name, $atts, $content = '' ) {
	if ( 'chapter-hub' === $name ) {
		++$GLOBALS['archipel_hub_depth'];
		$inner = do_shortcode( shortcode_unautop( (string) $content ) );
		--$GLOBALS['archipel_hub_depth'];
	} else {
		$inner = do_shortcode( shortcode_unautop( (string) $content ) );
	}
	return archipel_render_widget( $name, is_array( $atts ) ? $atts : array(), $inner );
}

function archipel_register_shortcodes() {
	foreach ( archipel_widgets() as $name => $widget ) {
		add_shortcode(
			$widget['shortcode'],
			static function ( $atts, $content = '' ) use ( $name ) {
				return archipel_shortcode( $name, $atts, (string) $content );
			}
		);
	}
}
