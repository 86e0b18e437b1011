package org.tandem.core.matching;

/** How a person is willing to meet. */
public enum Format {
    VIDEO, IN_PERSON, EITHER;

    boolean video() {
        return this != IN_PERSON;
    }

    boolean inPerson() {
        return this != VIDEO;
    }
}
