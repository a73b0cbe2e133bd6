package dev.cairn.fields;

import dev.cairn.web.ApiException;
import dev.cairn.web.ErrorCode;

/**
 * A change asked for another type than the field's: the values tasks hold would stop
 * meaning anything.
 */
class FieldTypeImmutable extends ApiException {

	FieldTypeImmutable(FieldType type) {
		super(ErrorCode.FIELD_TYPE_IMMUTABLE, "A field's type cannot change; this one is a " + type.value()
				+ " field. Create a new field of the other type instead.");
	}

}
