/** The mentoring rhythm: agreement, check-ins, reflections, midpoint and closing, with courtesy towards people. */
package org.tandem.core.rhythm;
