package io.hubwarden.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Value types a module stores in columns, such as its typed ids. Each module declares one bean of this type; the
 * platform hands all of them to Spring Data JDBC.
 *
 * <pre>{@code
 * @Bean
 * ColumnTypes hubColumnTypes() {
 *     return ColumnTypes.uuid(HubId.class, HubId::new, HubId::value);
 * }
 * }</pre>
 */
public final class ColumnTypes {

    private final List<GenericConverter> converters;

    private ColumnTypes(List<GenericConverter> converters) {
        this.converters = List.copyOf(converters);
    }

    /** A type stored as a {@code uuid} column, typically a record wrapping a UUID. */
    public static <T> ColumnTypes uuid(Class<T> type, Function<UUID, T> fromColumn, Function<T, UUID> toColumn) {
        return new ColumnTypes(List.of(new FromUuid<>(type, fromColumn), new ToUuid<>(type, toColumn)));
    }

    /** These types and the other's. */
    public ColumnTypes and(ColumnTypes other) {
        var all = new ArrayList<>(converters);
        all.addAll(other.converters);
        return new ColumnTypes(all);
    }

    List<GenericConverter> converters() {
        return converters;
    }

    @ReadingConverter
    private record FromUuid<T>(Class<T> type, Function<UUID, T> read) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(UUID.class, type));
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : read.apply((UUID) source);
        }
    }

    @WritingConverter
    private record ToUuid<T>(Class<T> type, Function<T, UUID> write) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, UUID.class));
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : write.apply(type.cast(source));
        }
    }
}
